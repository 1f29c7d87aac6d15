package dev.slipway.data;

import java.nio.charset.StandardCharsets;

/**
 * Conversions of {@link Profile}s for other modules, such as the CLI's {@code --json} output.
 * Stateless and thread-safe.
 */
public final class Profiles {

    private Profiles() {}

    /**
     * The profile as the versioned JSON document Slipway stores: {@code
     * {"format":"slipway.profile","version":1,"rows":...,"columns":[...]}}, keys in a fixed order,
     * times in ISO-8601, NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"}, absent parts left out.
     */
    public static String toJson(Profile profile) {
        return new String(ProfileCodec.toJson(profile), StandardCharsets.UTF_8);
    }
}

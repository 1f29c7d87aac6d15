package dev.slipway.registry;

import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The main class of the process that {@link CrashTest} kills: {@code ROOT JDBC_URL} registers a
 * model in that home and, inside the registration's transaction, after its rows are written but
 * before the commit, prints {@code writing} and waits to be killed.
 */
public final class RegisterChild {

    private RegisterChild() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        try (SlipwayHome home = SlipwayHome.open(root, StoreLocation.parse(args[1], root))) {
            ModelRegistry registry =
                    new ModelRegistry(
                            home,
                            List.of(new LinearFormat()),
                            Clock.systemUTC(),
                            () -> {
                                System.out.println("writing");
                                System.out.flush();
                                try {
                                    Thread.sleep(Long.MAX_VALUE);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            registry.register(
                    "churn", Manifests.linear("run-1"), Manifests.linearFiles(1, 2), "", Map.of());
        }
        System.out.println("committed");
    }
}

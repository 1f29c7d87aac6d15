package dev.slipway.api;

/**
 * A caller is not allowed to do what it asked: it gave no credentials or unknown ones ({@link
 * #authenticated()} false), or its credentials lack the scope the action needs.
 */
public final class AccessDeniedException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final boolean authenticated;

    /**
     * @param authenticated whether the caller was identified (and only lacks a scope)
     * @param message what was refused and how to get access
     */
    public AccessDeniedException(boolean authenticated, String message) {
        super(message);
        this.authenticated = authenticated;
    }

    /** Whether the caller was identified; false when credentials were missing or unknown. */
    public boolean authenticated() {
        return authenticated;
    }
}

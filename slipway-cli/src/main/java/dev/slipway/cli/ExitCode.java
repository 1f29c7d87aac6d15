package dev.slipway.cli;

/**
 * The exit codes of {@code slipway}, for scripts. Stable across releases.
 *
 * <ul>
 *   <li>0: success
 *   <li>1: a check found problems (e.g. {@code data validate} reported errors)
 *   <li>2: the command line is wrong (unknown option, missing argument)
 *   <li>3: an input is invalid (a file, an option value)
 *   <li>4: something named does not exist (a dataset, a version)
 *   <li>5: the request conflicts with the current state (e.g. an ambiguous version prefix)
 *   <li>6: stored data is corrupt, or written by a newer Slipway
 *   <li>7: the store is unavailable (database unreachable, disk full)
 *   <li>8: a server is unavailable or overloaded (try again later)
 *   <li>9: access denied (a missing token, or one without the needed scope)
 *   <li>70: an internal error (a bug: please report it)
 * </ul>
 */
final class ExitCode {
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;
    static final int INVALID_INPUT = 3;
    static final int NOT_FOUND = 4;
    static final int CONFLICT = 5;
    static final int CORRUPT = 6;
    static final int STORE = 7;
    static final int UNAVAILABLE = 8;
    static final int ACCESS_DENIED = 9;
    static final int INTERNAL = 70;

    private ExitCode() {}
}

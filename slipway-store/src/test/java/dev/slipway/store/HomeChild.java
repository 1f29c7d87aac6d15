package dev.slipway.store;

import java.nio.file.Path;

/**
 * The main class of the child processes in {@link SlipwayHomeTest}.
 *
 * <p>{@code hold ROOT}: opens the home, opens a workspace, prints its path, then sleeps until
 * killed. {@code open ROOT}: opens and closes the home (sweeping it), prints {@code done}.
 */
public final class HomeChild {

    private HomeChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> {
                try (SlipwayHome home = SlipwayHome.open(root);
                        Workspace workspace = home.newWorkspace("child")) {
                    System.out.println(workspace.path());
                    System.out.flush();
                    Thread.sleep(600_000);
                }
            }
            case "open" -> {
                SlipwayHome.open(root).close();
                System.out.println("done");
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}

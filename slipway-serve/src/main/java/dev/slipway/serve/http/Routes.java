package dev.slipway.serve.http;

import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * The routes besides the Open Inference Protocol's: MLflow scoring, the management API, when the
 * server has a Slipway home, the monitoring API, and the web console's files.
 */
final class Routes {

    private Routes() {}

    static void mountOthers(Router router, Web web, Optional<HomeApi> home) {
        new ManagementRoutes(web).mount(router);
        new LiveRoutes(web).mount(router);
        home.ifPresent(h -> new MonitoringRoutes(web, h).mount(router));
        home.ifPresent(h -> new PlaygroundRoutes(web, h).mount(router));
        home.ifPresent(h -> new DatasetsRoutes(web, h).mount(router));
        home.ifPresent(h -> new RunsRoutes(web, h).mount(router));
        new MlflowRoutes(web).mount(router);
        new ConsoleRoutes().mount(router);
    }

    /**
     * Whether {@code path} belongs to MLflow's scoring protocol (its errors have MLflow's shape).
     */
    static boolean isMlflow(String path) {
        return path.equals("/invocations")
                || path.equals("/ping")
                || path.equals("/health")
                || path.equals("/version")
                || path.startsWith("/models/");
    }
}

package dev.slipway.serve.http;

import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * The routes besides the Open Inference Protocol's: MLflow scoring, the management API, when the
 * server monitors, the monitoring API, and the web console's files.
 */
final class Routes {

    private Routes() {}

    static void mountOthers(Router router, Web web, Optional<MonitoringApi> monitoring) {
        new ManagementRoutes(web).mount(router);
        monitoring.ifPresent(m -> new MonitoringRoutes(web, m).mount(router));
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

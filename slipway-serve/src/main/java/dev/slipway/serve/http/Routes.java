package dev.slipway.serve.http;

import io.vertx.ext.web.Router;

/** The routes besides the Open Inference Protocol's: MLflow scoring and the management API. */
final class Routes {

    private Routes() {}

    static void mountOthers(Router router, Web web) {
        new ManagementRoutes(web).mount(router);
        new MlflowRoutes(web).mount(router);
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

package dev.slipway.serve.core;

/** The ways a prediction request reaches the server, as named in metrics and the prediction log. */
public enum Protocol {
    /** Open Inference Protocol over REST. */
    OIP_REST("oip-rest"),
    /** Open Inference Protocol over gRPC. */
    OIP_GRPC("oip-grpc"),
    /** MLflow's scoring protocol ({@code /invocations}). */
    MLFLOW("mlflow"),
    /** The in-process Java API. */
    JAVA("java");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    /** The name used in metrics and the log. */
    public String label() {
        return label;
    }
}

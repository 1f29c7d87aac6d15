package dev.slipway.formats.xgboost;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The XGBoost learning objectives whose predictions this package reproduces. */
enum XGBoostObjective {
    /** {@code binary:logistic}: one margin per row, the prediction is its sigmoid. */
    BINARY_LOGISTIC("binary:logistic"),
    /** {@code reg:squarederror}: one margin per row, the prediction is the margin. */
    REG_SQUAREDERROR("reg:squarederror"),
    /** {@code multi:softprob}: one margin per class, the prediction is their softmax. */
    MULTI_SOFTPROB("multi:softprob"),
    /** {@code multi:softmax}: one margin per class, the prediction is the index of the largest. */
    MULTI_SOFTMAX("multi:softmax"),
    /** {@code binary:logitraw}: one margin per row, the prediction is the margin itself. */
    BINARY_LOGITRAW("binary:logitraw"),
    /** {@code reg:logistic}: one margin per row, the prediction is its sigmoid. */
    REG_LOGISTIC("reg:logistic"),
    /** {@code reg:absoluteerror}: one margin per row, the prediction is the margin. */
    REG_ABSOLUTEERROR("reg:absoluteerror"),
    /** {@code count:poisson}: one margin per row, the prediction is its exponential. */
    COUNT_POISSON("count:poisson");

    private final String xgboostName;

    XGBoostObjective(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    /** The name XGBoost gives the objective, e.g. {@code binary:logistic}. */
    String xgboostName() {
        return xgboostName;
    }

    /** Whether the model has one margin per class. */
    boolean isMultiClass() {
        return this == MULTI_SOFTPROB || this == MULTI_SOFTMAX;
    }

    static Optional<XGBoostObjective> find(String xgboostName) {
        for (XGBoostObjective o : values()) {
            if (o.xgboostName.equals(xgboostName)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    static String supportedNames() {
        return Arrays.stream(values())
                .map(XGBoostObjective::xgboostName)
                .collect(Collectors.joining(", "));
    }
}

package dev.slipway.formats.xgboost;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The XGBoost learning objectives whose predictions this package reproduces. */
public enum XGBoostObjective {
    /** {@code binary:logistic}: one margin per row, the prediction is its sigmoid. */
    BINARY_LOGISTIC("binary:logistic"),
    /** {@code reg:squarederror}: one margin per row, the prediction is the margin. */
    REG_SQUAREDERROR("reg:squarederror"),
    /** {@code multi:softprob}: one margin per class, the prediction is their softmax. */
    MULTI_SOFTPROB("multi:softprob"),
    /** {@code multi:softmax}: one margin per class, the prediction is the index of the largest. */
    MULTI_SOFTMAX("multi:softmax");

    private final String xgboostName;

    XGBoostObjective(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    /** The name XGBoost gives the objective, e.g. {@code binary:logistic}. */
    public String xgboostName() {
        return xgboostName;
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

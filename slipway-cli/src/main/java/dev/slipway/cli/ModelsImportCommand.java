package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.registry.ImportOptions;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway models import FILE --name NAME}. */
@Command(
        name = "import",
        description = {
            "Register a model trained elsewhere: XGBoost (JSON or legacy binary), LightGBM (text)",
            "or ONNX. The file is checked (Python pickles are refused: loading one runs code),",
            "loaded, run on sample rows, and kept byte for byte as a new version."
        },
        footer = {
            "",
            "Examples:",
            "  slipway models import model.json --name churn --schema features.txt",
            "  slipway models import rf_iris.onnx --name iris --sample iris.csv --task multiclass",
            "  slipway models import model.txt --name demand --description 'LightGBM, weekly' --json",
            "",
            "--schema FILE: the feature names, one per line or as one CSV header line, or a",
            "signature JSON: {\"inputs\": [{\"name\": \"age\", \"dtype\": \"fp64\", \"width\": 1, \"labels\": []}],",
            "\"outputs\": [...]}, with dtypes bool, int64, fp32, fp64 or string."
        })
final class ModelsImportCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file.")
    Path file;

    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "The model's name.")
    String name;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "Feature names (one per line, or a CSV header) or a signature JSON.")
    Optional<Path> schema = Optional.empty();

    @Option(
            names = "--sample",
            paramLabel = "DATA",
            description =
                    "CSV, Parquet or JSON-lines rows to run the model on before registering it (default: one row of zeros).")
    Optional<Path> sample = Optional.empty();

    @Option(
            names = "--task",
            paramLabel = "TASK",
            description = "binary, multiclass or regression, when the model does not tell.")
    Optional<String> task = Optional.empty();

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "The version's description.")
    String description = "";

    @Option(
            names = "--tag",
            paramLabel = "KEY=VALUE",
            description = "A tag of the version. Repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Override
    int run(Services services) {
        ModelRef.requireValidName(name);
        ImportOptions.Builder b = ImportOptions.builder().description(description.strip());
        task.map(t -> Task.fromLabel(t.strip().toLowerCase(Locale.ROOT))).ifPresent(b::task);
        tags.forEach(b::tag);
        Optional<ModelsSchemaFile> given = schema.map(ModelsSchemaFile::read);
        List<String> featureNames = given.map(ModelsSchemaFile::featureNames).orElse(List.of());
        b.featureNames(featureNames);
        given.flatMap(ModelsSchemaFile::signature).ifPresent(b::signature);
        Optional<Frame> rows = sample.map(s -> sampleRows(services, s, featureNames));
        rows.ifPresent(b::sample);
        ModelVersion v = services.registry().importModel(file, name, b.build());
        ModelManifest m = services.registry().manifest(v);
        if (json) {
            ObjectNode n = ModelViews.version(v);
            n.put("sample_rows", rows.map(Frame::rows).orElse(0));
            n.set("manifest", ModelViews.manifest(m));
            Output.json(out(), n);
            return ExitCode.OK;
        }
        print(out(), v, m, rows);
        return ExitCode.OK;
    }

    private Frame sampleRows(Services services, Path data, List<String> featureNames) {
        Frame read = services.datasets().readFile(data);
        return ModelsSample.probe(file, featureNames, Services.formats())
                .map(sig -> ModelsSample.fit(read, sig, data))
                .orElse(read);
    }

    private void print(PrintWriter o, ModelVersion v, ModelManifest m, Optional<Frame> rows) {
        o.printf("Imported %s as %s%n", file, v);
        o.printf("  format:    %s, runtime %s%n", m.modelFormat(), m.runtime());
        o.printf(
                "  task:      %s%n",
                v.task()
                        .map(Task::label)
                        .orElse("not known (give --task binary, multiclass or regression)"));
        Signature s = m.signature();
        o.printf("  signature: %s%n", ModelViews.signatureLine(s));
        o.printf(
                "  checked:   ran on %s%n",
                rows.map(
                                r ->
                                        Output.count(r.rows(), "sample row")
                                                + " from "
                                                + sample.orElseThrow())
                        .orElse("one synthetic row (give real rows with --sample)"));
        m.modelFile()
                .ifPresent(f -> o.printf("  file:      %s, sha256 %s%n", f.path(), f.sha256()));
        o.println();
        ModelViews.printSignature(o, s);
        o.println();
        o.printf(
                "Next: slipway models show %s, or slipway models alias set %s champion %d%n",
                v, v.name(), v.version());
        o.flush();
    }
}

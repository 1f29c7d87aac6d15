package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway models tag REF KEY=VALUE... [--delete KEY]}. */
@Command(
        name = "tag",
        description = {
            "Set or delete tags: on a version when REF names one (NAME/3, NAME@ALIAS),",
            "else on the model itself."
        },
        footer = {
            "",
            "Examples:",
            "  slipway models tag adult-income/3 reviewed=yes owner=risk-team",
            "  slipway models tag adult-income team=risk",
            "  slipway models tag adult-income@champion --delete reviewed"
        })
final class ModelsTagCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "REF", description = "NAME, NAME/VERSION or NAME@ALIAS.")
    String ref;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "KEY=VALUE",
            description = "Tags to set.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--delete", paramLabel = "KEY", description = "A tag to delete. Repeatable.")
    List<String> deletes = new ArrayList<>();

    @Override
    int run(Services services) {
        if (pairs.isEmpty() && deletes.isEmpty()) {
            throw InvalidInputException.of(
                    "KEY=VALUE",
                    "give tags to set as KEY=VALUE or tags to delete with --delete KEY, e.g. 'slipway models tag %s reviewed=yes'"
                            .formatted(ref));
        }
        ModelRegistry registry = services.registry();
        ModelsTarget target = ModelsTarget.of(ref, registry);
        List<String[]> sets = pairs.stream().map(ModelsTagCommand::split).toList();
        List<String> absent = new ArrayList<>();
        for (String key : deletes) {
            boolean had =
                    target.isModel()
                            ? registry.untag(target.name(), key)
                            : registry.untag(target.name(), target.version().getAsInt(), key);
            if (!had) {
                absent.add(key);
            }
        }
        for (String[] kv : sets) {
            if (target.isModel()) {
                registry.tag(target.name(), kv[0], kv[1]);
            } else {
                registry.tag(target.name(), target.version().getAsInt(), kv[0], kv[1]);
            }
        }
        var tags = target.tags(registry);
        if (json) {
            ObjectNode n = Output.object().put("target", target.ref());
            n.put("kind", target.isModel() ? "model" : "version");
            tags.forEach(n.putObject("tags")::put);
            absent.forEach(n.putArray("not_found")::add);
            Output.json(out(), n);
            return ExitCode.OK;
        }
        absent.forEach(k -> err().printf("note: %s had no tag '%s'%n", target, k));
        err().flush();
        out().printf("Tags of %s: %s%n", target, tags.isEmpty() ? "none" : ModelViews.tags(tags));
        out().flush();
        return ExitCode.OK;
    }

    private static String[] split(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw InvalidInputException.of(
                    pair,
                    "'%s' is not a tag: write KEY=VALUE, e.g. owner=risk-team (to delete a tag use --delete KEY)"
                            .formatted(pair));
        }
        return new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1)};
    }
}

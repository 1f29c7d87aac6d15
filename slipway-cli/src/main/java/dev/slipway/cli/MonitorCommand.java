package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway monitor}: drift, realized performance, outliers and alerts of served models. */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = {
            "Watch models in production: drift, performance, outliers and alerts.",
            "Reads the prediction log that 'slipway serve' writes, or plain files."
        },
        subcommands = {
            MonitorDriftCommand.class,
            MonitorLabelsCommand.class,
            MonitorPerformanceCommand.class,
            MonitorOutliersCommand.class,
            MonitorCheckCommand.class,
            MonitorAlertsCommand.class,
            MonitorReportCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor drift --model adult-income --from 2026-12-01 --window 1d",
            "  slipway monitor drift --reference train.csv --current today.csv",
            "  slipway monitor labels labels.csv --model adult-income",
            "  slipway monitor performance --model adult-income --window 1d",
            "  slipway monitor check --rules alerts.yaml --model adult-income --window 1d",
            "",
            "Times (--from, --to, --since): " + MonitorTimes.FORMS + "."
        })
final class MonitorCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

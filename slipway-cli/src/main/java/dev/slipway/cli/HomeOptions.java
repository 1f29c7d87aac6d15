package dev.slipway.cli;

import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where Slipway keeps its state: {@code --home} and {@code --db}, shared by every command. */
final class HomeOptions {

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Slipway's home folder (default: $SLIPWAY_HOME, else ~/.slipway).")
    Optional<Path> home = Optional.empty();

    @Option(
            names = "--db",
            paramLabel = "URL",
            description =
                    "Metadata database: jdbc:postgresql://HOST/DB?user=U for a shared store (default: SQLite in the home). Also $SLIPWAY_DB.")
    Optional<String> db = Optional.empty();

    /** Opens the home, creating it on first use. */
    SlipwayHome open() {
        Path root = home.orElseGet(SlipwayHome::defaultRoot).toAbsolutePath().normalize();
        String dbOption = db.or(() -> Optional.ofNullable(System.getenv("SLIPWAY_DB"))).orElse("");
        return SlipwayHome.open(root, StoreLocation.parse(dbOption, root));
    }
}

package org.dermread.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dermread.analysis.figures.FigureText;
import org.dermread.analysis.report.HtmlReport;
import org.dermread.analysis.report.PdfReport;
import org.dermread.analysis.report.ReportDocument;
import org.dermread.analysis.report.StudyReportDocument;
import org.dermread.analysis.report.StudyReportDocument.ReportInput;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleManifest;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.ImrmcFile;
import org.dermread.bundle.MetricsJson;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.ImrmcReport;
import org.dermread.stats.RocOptions;
import org.dermread.stats.RocTableReport;
import org.dermread.stats.StudyReport;

/**
 * Command-line statistics without database or web server ({@code java -jar dermread.jar <command>}, or this class's
 * main from a source checkout): {@code analyze} (an export bundle), {@code imrmc} (an iMRMC file), {@code roc} (a
 * ROC table) and {@code size} (study sizing from a pilot); {@code --help} and {@code --version}. {@link Usage} lists
 * every option. The JSON goes to standard output or {@code --out} (not to standard output when {@code analyze} writes
 * a {@code --report}); exit status 0 on success, 1 on bad input, 2 on bad usage. It needs the bundle format, the
 * statistics and the report writer (plain Java): no database, no Spring.
 */
public final class AnalyzeCommand {

    /** The first arguments this class answers; anything else starts the web application. */
    public static final Set<String> COMMANDS = Set.of("analyze", "imrmc", "roc", "size", "--help", "-h", "help",
            "--version");

    private static final Set<String> PRETTY = Set.of("--pretty");
    private static final Set<String> SIZE_FLAGS = Set.of("--pretty", "--table");

    private AnalyzeCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command on standard output and error; returns the exit status. */
    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("--help", "-h", "help").contains(args[0])) {
            out.println("DermRead " + Usage.version() + "\n\n" + Usage.GENERAL);
            return 0;
        }
        if (args[0].equals("--version")) {
            out.println("DermRead " + Usage.version());
            return 0;
        }
        String usage = switch (args[0]) {
            case "analyze" -> Usage.ANALYZE;
            case "imrmc" -> Usage.IMRMC;
            case "roc" -> Usage.ROC;
            case "size" -> Usage.SIZE;
            default -> null;
        };
        if (usage == null) {
            err.println("error: unknown command " + args[0] + "\n\n" + Usage.GENERAL);
            return 2;
        }
        try {
            CommandLine line = parse(args);
            if (line.help()) {
                out.println(usage);
                return 0;
            }
            Object report = switch (args[0]) {
                case "analyze" -> analyze(line);
                case "imrmc" -> imrmc(line);
                case "roc" -> roc(line);
                default -> SizeCommand.run(line);
            };
            if (report instanceof SizeCommand.SizeReport size && line.flag("--table")) {
                out.print(SizeCommand.table(size));
            } else if (!(report instanceof Written)) {
                write(report, line, out);
            } else if (line.has("--out")) {
                write(((Written) report).report(), line, out);
            }
            return 0;
        } catch (CommandLine.UsageError e) {
            err.println("error: " + e.getMessage() + "\n\n" + usage);
            return 2;
        } catch (NoSuchFileException e) {
            err.println("error: file not found: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static CommandLine parse(String[] args) {
        Set<String> valued = switch (args[0]) {
            case "analyze" -> Set.of("--out", "--bootstrap", "--seed", "--level", "--sens-at-spec", "--spec-at-sens",
                    "--report", "--language");
            case "imrmc" -> Set.of("--out", "--level");
            case "roc" -> Set.of("--out", "--level", "--bootstrap", "--seed", "--sens-at-spec", "--spec-at-sens");
            default -> SizeCommand.OPTIONS;
        };
        return CommandLine.parse(args, 1, valued, args[0].equals("size") ? SIZE_FLAGS : PRETTY);
    }

    /** A report already written to --report: the JSON goes to --out only. */
    private record Written(StudyReport report) {
    }

    private static Object analyze(CommandLine line) throws IOException {
        if (line.has("--language") && !line.has("--report")) {
            throw new CommandLine.UsageError("--language goes with --report");
        }
        Locale language;
        try {
            language = FigureText.language(line.text("--language", "en"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageError("--" + e.getMessage());
        }
        // every option is checked before the bundle is read: bad usage is told as such, whatever the input
        Path input = line.input("bundle folder or ZIP");
        Integer bootstrap = line.count("--bootstrap", 0);
        Long seed = line.seed("--seed");
        Double level = line.fraction("--level");
        List<Double> specificities = line.proportions("--sens-at-spec");
        List<Double> sensitivities = line.proportions("--spec-at-sens");
        BundleFiles files = read(input);
        BundleStudy bundle = BundleReader.read(files);
        AnalysisSettings settings = bundle.settings();
        settings = settings.withBootstrap(bootstrap == null ? settings.bootstrapReplicates() : bootstrap,
                seed == null ? settings.seed() : seed);
        if (level != null) {
            settings = settings.withConfidenceLevel(level);
        }
        if (line.has("--sens-at-spec") || line.has("--spec-at-sens")) {
            settings = settings.withTargets(
                    line.has("--sens-at-spec") ? specificities : settings.specificityTargets(),
                    line.has("--spec-at-sens") ? sensitivities : settings.sensitivityTargets());
        }
        BundleStudy study = new BundleStudy(bundle.study(), settings, bundle.notes());
        StudyReport report = study.analyze();
        if (!line.has("--report")) {
            return report;
        }
        writeReport(files, study, report, Path.of(line.text("--report", null)), language);
        return new Written(report);
    }

    /** The study report written from the analysis, with the study and model the bundle's manifest names. */
    private static void writeReport(BundleFiles files, BundleStudy study, StudyReport report, Path file,
            Locale language) throws IOException {
        Optional<BundleManifest.Description> described = BundleManifest.describe(files);
        String name = described.map(BundleManifest.Description::studyName).orElse(null);
        ReportInput input = ReportInput.of(name == null ? String.valueOf(file.getFileName()) : name,
                described.map(BundleManifest.Description::modelSha256).orElse(null),
                described.map(BundleManifest.Description::modelName).orElse(null),
                described.map(BundleManifest.Description::modelVersion).orElse(null),
                study.study(), report, MetricsJson.bytes(report), files);
        ReportDocument document = StudyReportDocument.of(input, language);
        boolean html = file.toString().toLowerCase(Locale.ROOT).endsWith(".html");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, html ? HtmlReport.write(document) : PdfReport.write(document));
    }

    private static ImrmcReport imrmc(CommandLine line) throws IOException {
        Path input = line.input("iMRMC file");
        double level = level(line);
        return ImrmcReport.analyze(ImrmcFile.read(input), level);
    }

    private static RocTableReport roc(CommandLine line) throws IOException {
        Path input = line.input("ROC table");
        Integer bootstrap = line.count("--bootstrap", 2);
        Long seed = line.seed("--seed");
        if (seed != null && bootstrap == null) {
            throw new CommandLine.UsageError("--seed goes with --bootstrap");
        }
        RocOptions options = new RocOptions(level(line), bootstrap == null ? 0 : bootstrap,
                seed == null ? AnalysisSettings.defaults().seed() : seed, line.proportions("--sens-at-spec"),
                line.proportions("--spec-at-sens"));
        RocTableReader.Table table = RocTableReader.read(input);
        return RocTableReport.analyze(table.names(), table.scores(), table.truth(), options);
    }

    private static double level(CommandLine line) {
        Double level = line.fraction("--level");
        return level == null ? 0.95 : level;
    }

    private static void write(Object report, CommandLine line, PrintStream stdout) throws IOException {
        boolean pretty = line.flag("--pretty");
        if (!line.has("--out")) {
            MetricsJson.write(report, stdout, pretty);
            stdout.println();
            stdout.flush();
            return;
        }
        Path out = Path.of(line.text("--out", null));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            MetricsJson.write(report, stream, pretty);
        }
    }

    /** The report of an unpacked bundle folder or a bundle ZIP, the same code path as the application's export. */
    static StudyReport analyze(Path bundle, Integer bootstrap, Long seed) throws IOException {
        return BundleReader.read(read(bundle)).analyze(bootstrap, seed);
    }

    /** An unpacked bundle folder, or a bundle ZIP. */
    static BundleFiles read(Path bundle) throws IOException {
        return Files.isRegularFile(bundle) && bundle.toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                ? BundleFiles.readZip(Files.readAllBytes(bundle))
                : BundleFiles.readFolder(bundle, BundleReader.INPUT_FILES);
    }
}

package org.dermread.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
import org.dermread.stats.ImrmcReport;
import org.dermread.stats.RocTableReport;
import org.dermread.stats.StudyReport;

/**
 * Command-line statistics without database or web server:
 *
 * <pre>
 * java -cp &lt;classpath&gt; org.dermread.cli.AnalyzeCommand analyze &lt;bundle-folder or .zip&gt; [--out metrics.json]
 *      [--bootstrap N] [--seed S] [--pretty] [--report report.pdf|report.html] [--language en|zh]
 * java -cp &lt;classpath&gt; org.dermread.cli.AnalyzeCommand imrmc &lt;file.imrmc&gt; [--out mrmc.json]
 * java -cp &lt;classpath&gt; org.dermread.cli.AnalyzeCommand roc &lt;table.csv&gt; [--out roc.json]
 * </pre>
 *
 * Without --out the JSON goes to standard output (unless --report is given); --pretty indents it. --report writes
 * the study report (PDF, or HTML by the file's extension) in English or Chinese, the same bytes as the bundle's
 * own report in that language. Exit status 0 on success, 2 on bad usage, 1 on bad input. It needs the bundle
 * format, the statistics and the report writer (plain Java): no database, no Spring.
 */
public final class AnalyzeCommand {

    private AnalyzeCommand() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (NoSuchFileException e) {
            System.err.println("error: file not found: " + e.getMessage());
            status = 1;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println(usage());
            return 2;
        }
        String mode = args[0];
        Path input = Path.of(args[1]);
        Path out = null;
        Integer bootstrap = null;
        Long seed = null;
        boolean pretty = false;
        Path reportFile = null;
        Locale language = FigureText.ENGLISH;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--report" -> reportFile = Path.of(value(args, ++i));
                case "--language" -> language = FigureText.language(value(args, ++i));
                case "--bootstrap" -> bootstrap = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--pretty" -> pretty = true;
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (reportFile != null && !mode.equals("analyze")) {
            System.err.println("--report goes with analyze only\n" + usage());
            return 2;
        }
        Object report = switch (mode) {
            case "analyze" -> {
                BundleFiles files = read(input);
                BundleStudy study = BundleReader.read(files);
                StudyReport analysed = study.analyze(bootstrap, seed);
                if (reportFile != null) {
                    writeReport(files, study, analysed, reportFile, language);
                }
                yield analysed;
            }
            case "imrmc" -> ImrmcReport.analyze(ImrmcFile.read(input), 0.95);
            case "roc" -> {
                RocTableReader.Table table = RocTableReader.read(input);
                yield RocTableReport.analyze(table.names(), table.scores(), table.truth(), 0.95);
            }
            default -> null;
        };
        if (report == null) {
            System.err.println("unknown mode " + mode + "\n" + usage());
            return 2;
        }
        if (out == null && reportFile != null) {
            return 0;
        }
        if (out == null) {
            MetricsJson.write(report, System.out, pretty);
            System.out.println();
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                MetricsJson.write(report, stream, pretty);
            }
        }
        return 0;
    }

    /** The report of an unpacked bundle folder or a bundle ZIP, the same code path as the application's export. */
    static StudyReport analyze(Path bundle, Integer bootstrap, Long seed) throws IOException {
        return BundleReader.read(read(bundle)).analyze(bootstrap, seed);
    }

    private static BundleFiles read(Path bundle) throws IOException {
        return Files.isRegularFile(bundle) && bundle.toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                ? BundleFiles.readZip(Files.readAllBytes(bundle))
                : BundleFiles.readFolder(bundle, BundleReader.INPUT_FILES);
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

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    static String usage() {
        return """
                usage: AnalyzeCommand analyze <bundle-folder|bundle.zip> [--out metrics.json] [--bootstrap N]
                                              [--seed S] [--pretty] [--report report.pdf|report.html]
                                              [--language en|zh]
                       AnalyzeCommand imrmc <file.imrmc> [--out mrmc.json] [--pretty]
                       AnalyzeCommand roc <table.csv> [--out roc.json] [--pretty]""";
    }
}

package org.dermread.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
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
 *      [--bootstrap N] [--seed S] [--pretty]
 * java -cp &lt;classpath&gt; org.dermread.cli.AnalyzeCommand imrmc &lt;file.imrmc&gt; [--out mrmc.json]
 * java -cp &lt;classpath&gt; org.dermread.cli.AnalyzeCommand roc &lt;table.csv&gt; [--out roc.json]
 * </pre>
 *
 * Without --out the JSON goes to standard output; --pretty indents it. Exit status 0 on success, 2 on bad usage,
 * 1 on bad input. It needs the bundle format and the statistics only: no database, no Spring.
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
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--bootstrap" -> bootstrap = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--pretty" -> pretty = true;
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        Object report = switch (mode) {
            case "analyze" -> analyze(input, bootstrap, seed);
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
        BundleFiles files = Files.isRegularFile(bundle) && bundle.toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                ? BundleFiles.readZip(Files.readAllBytes(bundle))
                : BundleFiles.readFolder(bundle, BundleReader.INPUT_FILES);
        return BundleReader.read(files).analyze(bootstrap, seed);
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
                                              [--seed S] [--pretty]
                       AnalyzeCommand imrmc <file.imrmc> [--out mrmc.json] [--pretty]
                       AnalyzeCommand roc <table.csv> [--out roc.json] [--pretty]""";
    }
}

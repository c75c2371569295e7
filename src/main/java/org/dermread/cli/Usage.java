package org.dermread.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code --help} and {@code --version} print. */
final class Usage {

    private static final Pattern VERSION = Pattern.compile("^\\s+version:\\s*\"?([^\"#\\s]+)\"?\\s*$");

    private Usage() {
    }

    static final String GENERAL = """
            usage: java -jar dermread.jar                      start the web application
                   java -jar dermread.jar <command> [options]  run a statistics command (no database, no server)
                   java -jar dermread.jar --help | --version

            commands:
              analyze   every figure of an export bundle (folder or ZIP) as metrics.json
              imrmc     MRMC analysis of an FDA iMRMC input file: OR-Hillis (DeLong, jackknife and U-statistic
                        covariances), DBM and iMRMC's U-statistic analysis
              roc       ROC analysis of a table of 0/1 truth and scores, as pROC computes it
              size      readers and cases needed for a target power or CI width, from a pilot study

            java -jar dermread.jar <command> --help shows the options of a command.
            Every command writes JSON (to standard output, or to --out FILE; --pretty indents it); size --table
            prints its table as text.
            Exit status: 0 success, 1 bad input (the message names the file and line or cell), 2 bad usage.""";

    static final String ANALYZE = """
            usage: java -jar dermread.jar analyze <bundle-folder|bundle.zip> [options]

            Runs every analysis of an export bundle (readers, panel with bootstrap CIs, agreement, the AI, readers
            against the AI, MRMC, and the grouped analysis when analysis.json defines a grouping) and writes
            metrics.json. Options override the bundle's analysis.json:
              --out FILE             write the JSON to FILE (default: standard output)
              --pretty               indent the JSON
              --bootstrap N          bootstrap replicates (0 turns the bootstrap CIs off)
              --seed S               bootstrap seed; the same seed gives the same numbers on any number of threads
              --level L              confidence level of every interval, e.g. 0.90 (default 0.95)
              --sens-at-spec LIST    read the AI's ROC curves at these specificities, e.g. 0.8,0.9,0.95
              --spec-at-sens LIST    read the AI's ROC curves at these sensitivities
              --report FILE          also write the study report, PDF (or HTML when FILE ends in .html); the JSON
                                     then goes to --out only
              --language en|zh       language of that report (default en)""";

    static final String IMRMC = """
            usage: java -jar dermread.jar imrmc <file.imrmc> [options]

            MRMC analysis of reader AUCs from an iMRMC input file (header lines, BEGIN DATA:, then
            readerID,caseID,modalityID,score rows; truth rows have readerID -1 or truth). For every pair of
            modalities: OR-Hillis with DeLong, jackknife and U-statistic covariances, DBM, and iMRMC's U-statistics.
              --out FILE             write the JSON to FILE (default: standard output)
              --pretty               indent the JSON
              --level L              confidence level of every interval (default 0.95)""";

    static final String ROC = """
            usage: java -jar dermread.jar roc <table.csv> [options]

            ROC analysis of a CSV table: case id, truth (0/1), then one or more score columns (higher = more likely
            positive). Per score: AUC with DeLong CI, the ROC points, the Youden and closest-to-top-left operating
            points; every pair of scores: paired DeLong test with the covariance of the two AUCs.
              --out FILE             write the JSON to FILE (default: standard output)
              --pretty               indent the JSON
              --level L              confidence level (default 0.95)
              --bootstrap N          also a stratified percentile bootstrap CI of each AUC with N replicates
              --seed S               seed of that bootstrap (default 20210101)
              --sens-at-spec LIST    sensitivity at these specificities, e.g. 0.8,0.9,0.95 (pROC coords), with the
                                     conservative reading (best sensitivity at specificity >= the target)
              --spec-at-sens LIST    specificity at these sensitivities, and the conservative reading""";

    static final String SIZE = """
            usage: java -jar dermread.jar size <pilot> --effect D [options]

            Readers and cases needed for a pivotal study from a pilot's Obuchowski-Rockette variance components
            (Hillis, Obuchowski & Berbaum 2011): random readers and cases, two modalities, the OR-Hillis test.
            The pilot is an export bundle (folder or ZIP) or an iMRMC file.
              --effect D             expected difference between the two modalities in the figure of merit (e.g. 0.05)
              --power P              target power (default 0.8)
              --alpha A              two-sided significance level (default 0.05)
              --ci-width W           also the fewest cases for an expected CI of the difference at most W wide
              --readers LIST         reader counts of the table (default 3-15,20,25,30)
              --cases LIST           also the power of every reader count with each of these case counts
              --max-cases N          search up to N cases (default 5000); cases -1 in the table = not reachable
              --covariance M         jackknife (default), delong or unbiased
              --figure F             bundles: auc (default), sensitivity, specificity or accuracy
              --class CODE           bundles: the class (a label code, or a group of analysis.json's grouping);
                                     needed for auc, sensitivity and specificity
              --modalities A,B       the two modalities (phases) compared, when the pilot has more than two
              --table                print the (readers, cases, power) table as text instead of JSON
              --out FILE             write the JSON to FILE (default: standard output)
              --pretty               indent the JSON""";

    /** The application's version, from the jar's manifest or, in a source checkout, from application.yml. */
    static String version() {
        String fromJar = Usage.class.getPackage().getImplementationVersion();
        if (fromJar != null) {
            return fromJar;
        }
        try (InputStream in = Usage.class.getResourceAsStream("/application.yml")) {
            if (in != null) {
                boolean inDermread = false;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                    if (!line.startsWith(" ") && !line.isBlank()) {
                        inDermread = line.startsWith("dermread:");
                        continue;
                    }
                    Matcher m = VERSION.matcher(line);
                    if (inDermread && m.matches() && !m.group(1).startsWith("@")) {
                        return m.group(1);
                    }
                }
            }
        } catch (IOException e) {
            // fall through: the version is unknown
        }
        return "unknown";
    }
}

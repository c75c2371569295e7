package org.dermread.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Role;
import org.dermread.accounts.RunAs;
import org.dermread.cases.internal.BundledStudySet;
import org.dermread.shell.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dermread.jar --import-study-set=<folder>} (repeatable): imports study-set folders at start-up,
 * before anyone signs in. A refused set stops the start with every problem logged; a set already in the library is
 * left as it is. The operator who can start the server is trusted, so any folder may be named.
 */
@Component
@Order(10)
public class StudySetImportCommand implements ApplicationRunner {

    public static final String OPTION = "import-study-set";
    /** Where the build puts the demo study set inside the application (from the repository's study-sets/demo). */
    public static final String BUNDLED_DEMO_SET = "study-sets/demo";
    private static final Logger log = LoggerFactory.getLogger(StudySetImportCommand.class);

    private final CaseLibraryService library;
    private final Translations translations;
    private final ImportProperties properties;

    public StudySetImportCommand(CaseLibraryService library, Translations translations, ImportProperties properties) {
        this.library = library;
        this.translations = translations;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> folders = args.getOptionValues(OPTION);
        if (folders == null || folders.isEmpty()) {
            return;
        }
        for (String folder : folders) {
            importFolder(Path.of(folder));
        }
    }

    /**
     * Imports the demo study set as the command line: the folder {@code dermread.import.demo-set} when it exists (the
     * repository's {@code study-sets/demo}), else the copy inside the application, so that a jar started in any
     * folder has it. Empty when neither exists.
     */
    public Optional<ImportResult> importDemoSet() {
        Path folder = properties.demoSet();
        if (Files.isDirectory(folder)) {
            return Optional.of(importFolder(folder));
        }
        Optional<Path> bundled = BundledStudySet.unpack(BUNDLED_DEMO_SET);
        if (bundled.isEmpty()) {
            return Optional.empty();
        }
        try {
            log.info("Demo set: no folder {}; importing the copy inside the application",
                    folder.toAbsolutePath().normalize());
            return Optional.of(importFolder(bundled.get()));
        } finally {
            BundledStudySet.delete(bundled.get());
        }
    }

    /** Imports one folder as the command line; returns what happened or throws with every problem. */
    public ImportResult importFolder(Path folder) {
        return RunAs.run("command-line", List.of(Role.ADMIN), () -> importAsAdmin(folder));
    }

    private ImportResult importAsAdmin(Path folder) {
        try {
            ImportResult result = library.importFolderFromCommandLine(folder);
            log.info(result.alreadyPresent()
                    ? "Study set {} ({} cases) from {} is already in the library; nothing changed (recognised as {},"
                            + " taxonomy {}, {} rows skipped by the layout's rules)"
                    : "Imported study set {} ({} cases) from {}, recognised as {} (taxonomy {}, {} rows skipped by the"
                            + " layout's rules)", result.name(), result.cases(), folder, result.layout().title(),
                    result.taxonomy(), result.skipped());
            return result;
        } catch (ImportFailedException e) {
            StringBuilder report = new StringBuilder("Study set " + folder + " ("
                    + e.layout().map(layout -> "recognised as " + layout.title()).orElse("no layout recognised")
                    + ") was refused with " + e.totalProblems()
                    + " problem(s) (the first " + ImportProblems.KEPT_PER_KIND + " of each kind below); nothing was"
                    + " stored:");
            e.problems().forEach(problem -> report.append("\n  ").append(problem.location()).append(": ")
                    .append(translations.getTranslation(problem.messageKey(), Locale.ENGLISH,
                            problem.arguments().toArray())));
            log.error(report.toString());
            throw e;
        }
    }
}

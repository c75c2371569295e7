package org.dermread;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import java.util.Set;
import org.dermread.cli.AnalyzeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * DermRead: reader studies in which dermatologists and an AI diagnose the same dermoscopic cases.
 *
 * <p>Server push is on so that long jobs (AI inference, bootstrap analyses) can report progress to the page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("dermread")
@Push
@PWA(name = "DermRead", shortName = "DermRead", offline = false)
public class Application implements AppShellConfigurator {

    /**
     * The statistics commands, --help and --version run without a web server or database ({@code java -jar
     * dermread.jar analyze ...}); the command line owns the list.
     */
    static final Set<String> COMMANDS = AnalyzeCommand.COMMANDS;

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            AnalyzeCommand.main(args);
            return;
        }
        SpringApplication.run(Application.class, args);
    }
}

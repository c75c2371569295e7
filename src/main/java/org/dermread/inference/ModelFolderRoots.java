package org.dermread.inference;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server folders under which the *AI models* page may register a model from a folder
 * ({@code dermread.inference.folder-roots}, default {@code ./models}), like the study-set folder roots; symbolic
 * links are resolved before the check. Without it the page would reveal whether any server folder exists and load
 * any TorchScript file on the server into the native runtime (issue 12, finding 8).
 */
@ConfigurationProperties("dermread.inference")
public record ModelFolderRoots(@DefaultValue("./models") List<Path> folderRoots) {

    public ModelFolderRoots {
        folderRoots = List.copyOf(folderRoots);
    }
}

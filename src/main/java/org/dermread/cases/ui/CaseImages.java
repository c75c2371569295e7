package org.dermread.cases.ui;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.dermread.cases.CaseImage;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.LibraryCase;
import org.springframework.security.access.AccessDeniedException;

/**
 * Images of library cases, streamed on request through the library service, whose role check applies to every
 * request (a link copied to a reader's session gets a 403). The bytes are sent exactly as stored.
 */
public final class CaseImages {

    private CaseImages() {
    }

    public static DownloadHandler handler(CaseLibraryService library, LibraryCase libraryCase) {
        String sha = libraryCase.imageSha256();
        String name = libraryCase.externalId() + (libraryCase.mediaType().equals("image/png") ? ".png" : ".jpg");
        return DownloadHandler.fromInputStream(event -> {
            try {
                CaseImage image = library.image(sha);
                event.getResponse().setHeader("Cache-Control", "private, max-age=3600");
                return new DownloadResponse(new ByteArrayInputStream(image.bytes()), name, image.mediaType(),
                        image.bytes().length);
            } catch (AccessDeniedException e) {
                return DownloadResponse.error(403);
            }
        }).inline();
    }

    public static Image thumbnail(CaseLibraryService library, LibraryCase libraryCase) {
        Image image = new Image(handler(library, libraryCase), libraryCase.externalId());
        image.setWidth("64px");
        image.setHeight("64px");
        image.getStyle().set("object-fit", "cover").set("border-radius", "var(--lumo-border-radius-s)");
        return image;
    }

    public static Image fullSize(CaseLibraryService library, LibraryCase libraryCase) {
        Image image = new Image(handler(library, libraryCase), libraryCase.externalId());
        image.setId("case-image");
        image.getStyle().set("max-width", "100%").set("height", "auto").set("image-rendering", "auto");
        return image;
    }
}

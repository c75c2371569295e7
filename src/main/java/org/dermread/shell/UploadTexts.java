package org.dermread.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The texts of Vaadin's upload component in the page's language (its defaults are English: "Upload Files...",
 * "Drop files here"); every upload on every page gets them from here.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** The texts, with the button's and the drop area's own words (keys), the rest from {@code upload.*}. */
    public static UploadI18N of(Component page, String buttonKey, String dropKey) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(page.getTranslation(buttonKey))
                .setMany(page.getTranslation(buttonKey)));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(page.getTranslation(dropKey))
                .setMany(page.getTranslation(dropKey)));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(page.getTranslation("upload.too-many"))
                .setFileIsTooBig(page.getTranslation("upload.too-big"))
                .setIncorrectFileType(page.getTranslation("upload.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(page.getTranslation("upload.connecting"))
                        .setStalled(page.getTranslation("upload.stalled"))
                        .setProcessing(page.getTranslation("upload.processing"))
                        .setHeld(page.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(page.getTranslation("upload.remaining"))
                        .setUnknown(page.getTranslation("upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(page.getTranslation("upload.server"))
                        .setUnexpectedServerError(page.getTranslation("upload.server"))
                        .setForbidden(page.getTranslation("upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}

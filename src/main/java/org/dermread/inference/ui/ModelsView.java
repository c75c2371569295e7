package org.dermread.inference.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.dermread.inference.EngineSummary;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.ModelVariant;
import org.dermread.inference.RegisteredModel;
import org.dermread.shell.Notifications;
import org.dermread.shell.UploadTexts;

/**
 * The model registry: the registered models, and for coordinators and admins registration by upload (the
 * TorchScript file and its manifest) or from a folder on the server.
 */
@Route("inference/models")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.STATISTICIAN})
public class ModelsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ModelRegistry registry;
    private final Grid<RegisteredModel> grid = new Grid<>();
    final Grid<ModelVariant> variants = new Grid<>();
    private final MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
    final Upload upload = new Upload(buffer);
    final TextField folder = new TextField();
    final Button register = new Button();
    final Button registerFolder = new Button();

    public ModelsView(ModelRegistry registry, InferenceService inference) {
        this.registry = registry;
        setId("inference-models");
        setSizeFull();
        add(new H2(getTranslation("inference.models.title")));
        Paragraph runtime = new Paragraph(getTranslation("inference.models.runtime",
                engineLine(inference.runtimeSummary())));
        runtime.setId("inference-runtime");
        add(runtime);

        grid.addColumn(RegisteredModel::name).setHeader(getTranslation("inference.models.name")).setAutoWidth(true);
        grid.addColumn(RegisteredModel::version).setHeader(getTranslation("inference.models.version"));
        grid.addColumn(model -> getTranslation("inference.models.classes.value", model.taxonomy(),
                model.classes().size())).setHeader(getTranslation("inference.models.classes")).setAutoWidth(true);
        grid.addColumn(RegisteredModel::architecture).setHeader(getTranslation("inference.models.architecture"))
                .setAutoWidth(true);
        grid.addColumn(model -> model.sha256().substring(0, 16) + "…")
                .setHeader(getTranslation("inference.models.sha256")).setAutoWidth(true);
        grid.addColumn(model -> String.format("%.1f MB", model.sizeBytes() / 1e6))
                .setHeader(getTranslation("inference.models.size"));
        grid.addColumn(model -> model.registeredBy() == null ? getTranslation("inference.models.bundled")
                : model.registeredBy()).setHeader(getTranslation("inference.models.registered-by"));
        grid.addColumn(model -> WHEN.format(model.registeredAt()))
                .setHeader(getTranslation("inference.models.registered-at"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("inference-model-grid");
        grid.setAllRowsVisible(true);
        add(grid);
        addVariants();

        if (CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.COORDINATOR)) {
            addRegistration();
        }
        refresh();
    }

    /** Variants (bf16, channels-last) with the parity figures recorded at registration. */
    private void addVariants() {
        add(new H3(getTranslation("inference.variants.title")));
        add(new Paragraph(getTranslation("inference.variants.help")));
        variants.addColumn(ModelVariant::modelLabel).setHeader(getTranslation("inference.variants.model"))
                .setAutoWidth(true);
        variants.addColumn(ModelVariant::kind).setHeader(getTranslation("inference.variants.kind")).setAutoWidth(true);
        variants.addColumn(variant -> variant.sha256().substring(0, 16) + "…")
                .setHeader(getTranslation("inference.models.sha256")).setAutoWidth(true);
        variants.addColumn(variant -> String.format(Locale.ROOT, "%.2f %%", 100 * variant.parity().argmaxAgreement()))
                .setHeader(getTranslation("inference.variants.agreement")).setAutoWidth(true);
        variants.addColumn(variant -> String.format(Locale.ROOT, "%.3g", variant.parity().maxAbsDp()))
                .setHeader(getTranslation("inference.variants.max-dp")).setAutoWidth(true);
        variants.addColumn(variant -> String.format(Locale.ROOT, "%.3g", variant.parity().p99AbsDp()))
                .setHeader(getTranslation("inference.variants.p99-dp")).setAutoWidth(true);
        variants.addColumn(variant -> variant.parity().images())
                .setHeader(getTranslation("inference.variants.images")).setAutoWidth(true);
        variants.addColumn(ModelVariant::bound).setHeader(getTranslation("inference.variants.bound"))
                .setAutoWidth(true);
        variants.addColumn(variant -> getTranslation(variant.offered() ? "inference.variants.offered-yes"
                : "inference.variants.offered-no")).setHeader(getTranslation("inference.variants.offered"))
                .setAutoWidth(true);
        variants.addColumn(ModelVariant::measuredOn).setHeader(getTranslation("inference.variants.measured-on"))
                .setWidth("24em");
        variants.addColumn(variant -> WHEN.format(variant.registeredAt()))
                .setHeader(getTranslation("inference.models.registered-at")).setAutoWidth(true);
        variants.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        variants.setId("inference-variant-grid");
        variants.setAllRowsVisible(true);
        add(variants);
    }

    private void addRegistration() {
        add(new H3(getTranslation("inference.models.register")));
        add(new Paragraph(getTranslation("inference.models.register-help")));
        upload.setId("inference-upload");
        upload.setAcceptedFileTypes(".pt", ".json");
        upload.setMaxFiles(2);
        upload.setMaxFileSize(1024 * 1024 * 1024);
        upload.setI18n(UploadTexts.of(this, "inference.models.upload.button", "inference.models.upload.drop"));
        register.setText(getTranslation("inference.models.register-upload"));
        register.setId("inference-register-upload");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> registerUpload());
        add(upload, register);

        folder.setLabel(getTranslation("inference.models.folder"));
        folder.setId("inference-folder");
        folder.setWidth("32em");
        registerFolder.setText(getTranslation("inference.models.register-folder"));
        registerFolder.setId("inference-register-folder");
        registerFolder.addClickListener(click -> attempt(() -> registry.registerFolder(Path.of(folder.getValue()
                .strip()))));
        HorizontalLayout fromFolder = new HorizontalLayout(folder, registerFolder);
        fromFolder.setAlignItems(Alignment.BASELINE);
        add(fromFolder);
    }

    private void registerUpload() {
        String pt = null;
        String json = null;
        for (String name : buffer.getFiles()) {
            if (name.endsWith(".pt")) {
                pt = name;
            } else if (name.endsWith(".json")) {
                json = name;
            }
        }
        if (pt == null || json == null) {
            Notifications.error(getTranslation("inference.models.need-both"));
            return;
        }
        String torchScript = pt;
        String manifestName = json;
        attempt(() -> {
            try (InputStream model = buffer.getInputStream(torchScript);
                    InputStream manifest = buffer.getInputStream(manifestName)) {
                return registry.registerFile(model, new String(manifest.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        upload.clearFileList();
    }

    /**
     * Registers and reports the outcome; the registry has checked the model (a few seconds), and for a variant run
     * the parity check (up to a minute for a large model).
     */
    private void attempt(Supplier<ModelRegistry.Registration> registration) {
        try {
            ModelRegistry.Registration done = registration.get();
            done.variant().ifPresentOrElse(variant -> {
                if (variant.offered()) {
                    Notifications.success(getTranslation("inference.variants.registered", variant.kind(),
                            done.model().label(), variant.parity().describe()));
                } else {
                    Notifications.error(getTranslation("inference.variants.not-offered", variant.kind(),
                            done.model().label(), variant.parity().describe(), variant.bound()));
                }
            }, () -> Notifications.success(getTranslation("inference.models.registered", done.model().label())));
            refresh();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void refresh() {
        grid.setItems(registry.models());
        variants.setItems(registry.variants());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inference.models.title") + " · " + getTranslation("app.name");
    }

    /** The engine line in the page's language; names, versions, devices and codes stay as they are. */
    private String engineLine(EngineSummary e) {
        String isa = getTranslation("inference.engine.isa", e.isaLevel(), getTranslation(
                "inference.engine.isa." + e.isaReason().name(), e.isaDetail().isEmpty() ? "?" : e.isaDetail()));
        String selfCheck = getTranslation(e.selfCheckPassed() ? "inference.engine.self-check.passed"
                : "inference.engine.self-check.failed", String.format(Locale.ROOT, "%.2g", e.maxDifference()),
                String.format(Locale.ROOT, "%.0g", e.tolerance()));
        return getTranslation("inference.engine.line", e.engine(), e.device(), e.gpus(),
                getTranslation("inference.engine.setting." + e.deviceSetting()),
                e.threads() > 0 ? String.valueOf(e.threads()) : getTranslation("inference.engine.threads.default"),
                getTranslation(e.graphOptimizer() ? "inference.engine.on" : "inference.engine.off"), isa,
                e.precision(), e.memoryFormat().equals("auto") ? getTranslation("inference.engine.setting.auto")
                        : e.memoryFormat(), selfCheck);
    }
}

package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.converter.StringToLongConverter;
import java.security.SecureRandom;
import java.util.function.Consumer;
import org.dermread.shell.Notifications;

/**
 * The stratified random sample's settings: lesions per class, images per lesion (1) and the seed (a random one is
 * proposed), bound with a
 * {@link Binder}, and the button that draws. The drawn plan goes to the listener; bad settings are explained.
 */
class SamplingPanel extends HorizontalLayout {

    private static final SecureRandom SEEDS = new SecureRandom();

    /** Cases per class and the seed, as the panel edits them. */
    static final class Sampling {

        private Integer perClass = 15;
        private Long seed = 1L + SEEDS.nextInt(999_999);
        private Integer imagesPerLesion = 1;

        Integer getPerClass() {
            return perClass;
        }

        void setPerClass(Integer perClass) {
            this.perClass = perClass;
        }

        Long getSeed() {
            return seed;
        }

        void setSeed(Long seed) {
            this.seed = seed;
        }

        Integer getImagesPerLesion() {
            return imagesPerLesion;
        }

        void setImagesPerLesion(Integer imagesPerLesion) {
            this.imagesPerLesion = imagesPerLesion;
        }
    }

    private final IntegerField perClass = new IntegerField();
    private final TextField seed = new TextField();
    private final IntegerField imagesPerLesion = new IntegerField();
    private final Button draw = new Button();
    private final Binder<Sampling> binder = new Binder<>();

    SamplingPanel(Consumer<Sampling> drawn) {
        perClass.setLabel(getTranslation("studies.designer.per-class"));
        perClass.setId("per-class");
        perClass.setMin(1);
        perClass.setStepButtonsVisible(true);
        perClass.setHelperText(getTranslation("studies.designer.per-class.help"));
        imagesPerLesion.setLabel(getTranslation("studies.designer.images-per-lesion"));
        imagesPerLesion.setId("images-per-lesion");
        imagesPerLesion.setMin(1);
        imagesPerLesion.setStepButtonsVisible(true);
        imagesPerLesion.setHelperText(getTranslation("studies.designer.images-per-lesion.help"));
        seed.setLabel(getTranslation("studies.designer.seed"));
        seed.setId("sampling-seed");
        seed.setHelperText(getTranslation("studies.designer.seed.help"));
        seed.setAllowedCharPattern("[0-9-]");
        draw.setText(getTranslation("studies.designer.draw"));
        draw.setId("draw-cases");
        String perClassError = getTranslation("studies.caseset.error.per-class");
        binder.forField(perClass).asRequired(perClassError).withValidator(n -> n >= 1, perClassError)
                .bind(Sampling::getPerClass, Sampling::setPerClass);
        String perLesionError = getTranslation("studies.caseset.error.images-per-lesion");
        binder.forField(imagesPerLesion).asRequired(perLesionError).withValidator(n -> n >= 1, perLesionError)
                .bind(Sampling::getImagesPerLesion, Sampling::setImagesPerLesion);
        binder.forField(seed).asRequired(getTranslation("studies.designer.seed.invalid"))
                .withConverter(new StringToLongConverter(getTranslation("studies.designer.seed.invalid")))
                .bind(Sampling::getSeed, Sampling::setSeed);
        binder.readBean(new Sampling());
        draw.addClickListener(click -> {
            Sampling sampling = new Sampling();
            BinderValidationStatus<Sampling> status = binder.validate();
            if (status.isOk() && binder.writeBeanIfValid(sampling)) {
                drawn.accept(sampling);
            } else {
                status.getValidationErrors().stream().map(ValidationResult::getErrorMessage).findFirst()
                        .ifPresent(Notifications::error);
            }
        });
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        add(perClass, imagesPerLesion, seed, draw);
    }

    /** Shows the settings a saved case set was drawn with. */
    void show(int casesPerClass, long samplingSeed, Integer imagesOfEachLesion) {
        Sampling sampling = new Sampling();
        sampling.setPerClass(casesPerClass);
        sampling.setSeed(samplingSeed);
        sampling.setImagesPerLesion(imagesOfEachLesion == null ? 1 : imagesOfEachLesion);
        binder.readBean(sampling);
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        draw.setEnabled(editable);
    }
}

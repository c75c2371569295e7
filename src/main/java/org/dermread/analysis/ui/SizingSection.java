package org.dermread.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.analysis.report.AnalysisWarnings;
import org.dermread.analysis.SizingRequest;
import org.dermread.analysis.SizingResult;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.figures.Numbers;
import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;
import org.dermread.stats.StudySizing;

/**
 * Study sizing with this study as the pilot (as the CLI's {@code size} command): the statistician or coordinator
 * chooses the figure of merit, the covariance method, the expected difference, the target power and alpha; the service
 * returns, per number of readers, the fewest cases that reach that power (Hillis, Obuchowski &amp; Berbaum 2011), or
 * why this study cannot be the pilot.
 */
final class SizingSection extends Div {

    /** A figure of merit of the MRMC comparison: accuracy (no class) or a class's AUC, sensitivity or specificity. */
    record Figure(FigureOfMerit figure, String code) {
    }

    final Select<Figure> figure = new Select<>();
    final Select<CovarianceMethod> covariance = new Select<>();
    final NumberField effect = new NumberField();
    final NumberField power = new NumberField();
    final NumberField alpha = new NumberField();
    final Button compute = new Button();
    final Div result = new Div();

    SizingSection(StudyResultsService results, StudyAnalysis analysis) {
        setId("sizing");
        add(new Paragraph(getTranslation("results.sizing.text")));
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(FigureOfMerit.PROPORTION, null));
        List<String> codes = new ArrayList<>(analysis.report().study().labels());
        if (analysis.report().grouped() != null) {
            codes.addAll(analysis.report().grouped().study().labels());
        }
        for (String code : codes) {
            for (FigureOfMerit f : List.of(FigureOfMerit.AUC, FigureOfMerit.SENSITIVITY, FigureOfMerit.SPECIFICITY)) {
                figures.add(new Figure(f, code));
            }
        }
        figure.setLabel(getTranslation("results.sizing.figure"));
        figure.setItems(figures);
        figure.setItemLabelGenerator(f -> f.code() == null ? getTranslation("results.accuracy")
                : getTranslation("results.sizing.figure." + f.figure().name().toLowerCase(Locale.ROOT),
                        AnalysisWarnings.className(f.code(), this::getTranslation)));
        figure.setValue(figures.get(0));
        figure.setId("sizing-figure");
        covariance.setLabel(getTranslation("results.sizing.covariance"));
        covariance.setItems(CovarianceMethod.JACKKNIFE, CovarianceMethod.DELONG, CovarianceMethod.UNBIASED);
        covariance.setItemLabelGenerator(m -> getTranslation("results.sizing.covariance."
                + m.name().toLowerCase(Locale.ROOT)));
        covariance.setValue(CovarianceMethod.JACKKNIFE);
        covariance.setId("sizing-covariance");
        number(effect, "results.sizing.effect", 0.05, -1, 1, "sizing-effect");
        number(power, "results.sizing.power", 0.8, 0.01, 0.99, "sizing-power");
        number(alpha, "results.sizing.alpha", 0.05, 0.001, 0.5, "sizing-alpha");
        compute.setText(getTranslation("results.sizing.compute"));
        compute.setId("sizing-compute");
        compute.addClickListener(e -> show(results, analysis));
        HorizontalLayout form = new HorizontalLayout(figure, covariance, effect, power, alpha, compute);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        result.setId("sizing-result");
        add(form, result);
    }

    private void number(NumberField field, String key, double value, double min, double max, String id) {
        field.setLabel(getTranslation(key));
        field.setValue(value);
        field.setMin(min);
        field.setMax(max);
        field.setStep(0.01);
        field.setId(id);
    }

    private void show(StudyResultsService results, StudyAnalysis analysis) {
        result.removeAll();
        Double d = effect.getValue();
        Double p = power.getValue();
        Double a = alpha.getValue();
        if (d == null || d == 0 || !(d > -1 && d < 1)) {
            result.add(message("results.sizing.invalid-effect"));
            return;
        }
        if (p == null || !(p > 0 && p < 1) || a == null || !(a > 0 && a < 1)) {
            result.add(message("results.sizing.invalid-power"));
            return;
        }
        Figure f = figure.getValue();
        SizingResult sizing = results.size(analysis,
                new SizingRequest(f.figure(), f.code(), covariance.getValue(), d, p, a));
        if (sizing.unavailable() != null) {
            Paragraph why = message("results.sizing.unavailable."
                    + sizing.unavailable().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (sizing.detail() != null) {
                why.add(" (" + AnalysisWarnings.inWords(sizing.detail(), this::getTranslation) + ")");
            }
            result.add(why);
            return;
        }
        Numbers numbers = ResultsCells.numbers(this);
        Paragraph pilot = new Paragraph(getTranslation("results.sizing.pilot", sizing.readers(),
                sizing.pilot().cases(), ResultsCells.phaseName(this, sizing.modalities().get(0)),
                numbers.decimal(sizing.modalityFom().get(0)), ResultsCells.phaseName(this, sizing.modalities().get(1)),
                numbers.decimal(sizing.modalityFom().get(1))));
        pilot.setId("sizing-pilot");
        NativeTable table = new NativeTable();
        table.addClassName("results-table");
        table.setId("sizing-table");
        table.add(ResultsCells.header(this, "results.sizing.readers", "results.sizing.cases",
                "results.sizing.power-reached", "results.sizing.width"));
        NativeTableBody body = new NativeTableBody();
        for (StudySizing.Design row : sizing.designs()) {
            body.add(row.cases() < 0
                    ? ResultsCells.row(row.readers(), ResultsCells.Cell.of(getTranslation("results.sizing.unreachable",
                    StudySizing.DEFAULT_MAX_CASES)), numbers.decimal(row.power()),
                    numbers.decimal(row.expectedCiWidth()))
                    : ResultsCells.row(row.readers(), row.cases(), numbers.decimal(row.power()),
                    numbers.decimal(row.expectedCiWidth())));
        }
        table.add(body);
        result.add(pilot, table);
    }

    private Paragraph message(String key) {
        Paragraph text = new Paragraph(getTranslation(key));
        text.addClassName("sizing-message");
        return text;
    }
}

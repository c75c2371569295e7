package org.dermread.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.dermread.inference.ClassifierOutput;
import org.dermread.inference.ModelManifest;
import org.dermread.inference.ModelValidationException;
import org.dermread.inference.Pixels;

/**
 * Pixels in, classifier outputs out, for images of one size. The input tensor is the decoded pixels as they are
 * (float32 [N,3,H,W], RGB, 0..255); the model's unnamed output (logits, then the optional auxiliary logits and
 * embedding the manifest declares) is checked against the manifest's shapes
 * on every call, so a model that breaks the contract fails loudly rather than giving wrong numbers.
 */
final class PixelsTranslator implements NoBatchifyTranslator<List<Pixels>, List<ClassifierOutput>> {

    private final ModelManifest manifest;

    PixelsTranslator(ModelManifest manifest) {
        this.manifest = manifest;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Pixels> images) {
        Pixels first = images.get(0);
        int size = first.chw().length;
        FloatBuffer buffer = FloatBuffer.allocate(size * images.size());
        for (Pixels image : images) {
            if (image.width() != first.width() || image.height() != first.height()) {
                throw new IllegalArgumentException("a batch needs images of one size");
            }
            buffer.put(image.chw());
        }
        buffer.flip();
        ctx.setAttachment("batch", images.size());
        NDArray input = ctx.getNDManager().create(buffer,
                new Shape(images.size(), 3, first.height(), first.width()));
        return new NDList(input);
    }

    @Override
    public List<ClassifierOutput> processOutput(TranslatorContext ctx, NDList outputs) {
        int n = ctx.getAttachment("batch") instanceof Integer batch ? batch : -1;
        boolean hasAux = manifest.auxHeads() > 0;
        boolean hasEmbedding = manifest.embeddingDim() > 0;
        int declared = 1 + (hasAux ? 1 : 0) + (hasEmbedding ? 1 : 0);
        if (outputs.size() != declared) {
            throw new ModelValidationException("inference.error.output-count", outputs.size(), declared);
        }
        int classes = manifest.classes().size();
        Shape logitsShape = outputs.get(0).getShape();
        long rows = logitsShape.dimension() > 0 ? logitsShape.get(0) : -1;
        check("logits", logitsShape, new Shape(rows, classes), n);
        float[] logits = outputs.get(0).toType(DataType.FLOAT32, false).toFloatArray();
        float[] aux = new float[0];
        float[] embedding = new float[0];
        if (hasAux) {
            check("aux_logits", outputs.get(1).getShape(), new Shape(rows, manifest.auxHeads(), classes), n);
            aux = outputs.get(1).toType(DataType.FLOAT32, false).toFloatArray();
        }
        if (hasEmbedding) {
            NDArray output = outputs.get(hasAux ? 2 : 1);
            check("embedding", output.getShape(), new Shape(rows, manifest.embeddingDim()), n);
            embedding = output.toType(DataType.FLOAT32, false).toFloatArray();
        }
        int auxSize = manifest.auxHeads() * classes;
        int embeddingSize = manifest.embeddingDim();
        List<ClassifierOutput> result = new ArrayList<>((int) rows);
        for (int row = 0; row < rows; row++) {
            double[] rowLogits = new double[classes];
            for (int c = 0; c < classes; c++) {
                rowLogits[c] = logits[row * classes + c];
            }
            float[] rowAux = new float[auxSize];
            System.arraycopy(aux, row * auxSize, rowAux, 0, auxSize);
            float[] rowEmbedding = new float[embeddingSize];
            System.arraycopy(embedding, row * embeddingSize, rowEmbedding, 0, embeddingSize);
            result.add(ClassifierOutput.fromLogits(rowLogits, rowAux, rowEmbedding));
        }
        return result;
    }

    private static void check(String name, Shape actual, Shape expected, int batch) {
        if (!actual.equals(expected) || (batch > 0 && actual.get(0) != batch)) {
            throw new ModelValidationException("inference.error.output-shape", name, actual, expected);
        }
    }
}

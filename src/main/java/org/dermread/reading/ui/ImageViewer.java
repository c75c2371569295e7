package org.dermread.reading.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/**
 * Shows one image as large as its box allows, with zoom (wheel, pinch, buttons), pan (drag) and full screen.
 * The behaviour is a few lines of browser script attached with {@code executeJs}: no npm module is needed.
 * The image address is an opaque one-off resource URL, so it reveals nothing about the case.
 */
public class ImageViewer extends Div {

    /** Bytes and media type of the image to show. */
    public record Picture(byte[] bytes, String mediaType) {
    }

    private static final String SCRIPT = """
            const box = this;
            if (!box.__viewer) {
              const v = box.__viewer = {s: 1, x: 0, y: 0, pointers: new Map(), pinch: 0};
              v.apply = () => { const img = box.querySelector('img'); if (img) img.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.s})`; };
              v.zoom = (f, cx, cy) => {
                const r = box.getBoundingClientRect();
                cx = (cx ?? r.left + r.width / 2) - r.left - r.width / 2;
                cy = (cy ?? r.top + r.height / 2) - r.top - r.height / 2;
                const s = Math.min(12, Math.max(1, v.s * f)); const k = s / v.s;
                v.x = cx - (cx - v.x) * k; v.y = cy - (cy - v.y) * k; v.s = s;
                if (s === 1) { v.x = 0; v.y = 0; }
                v.apply();
              };
              v.reset = () => { v.s = 1; v.x = 0; v.y = 0; v.apply(); };
              box.addEventListener('wheel', e => { e.preventDefault(); v.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX, e.clientY); }, {passive: false});
              box.addEventListener('pointerdown', e => { box.setPointerCapture(e.pointerId); v.pointers.set(e.pointerId, e); });
              box.addEventListener('pointermove', e => {
                const prev = v.pointers.get(e.pointerId); if (!prev) return;
                if (v.pointers.size === 2) {
                  const pts = [...v.pointers.values()];
                  const before = Math.hypot(pts[0].clientX - pts[1].clientX, pts[0].clientY - pts[1].clientY);
                  v.pointers.set(e.pointerId, e);
                  const now = [...v.pointers.values()];
                  const after = Math.hypot(now[0].clientX - now[1].clientX, now[0].clientY - now[1].clientY);
                  if (before > 0) v.zoom(after / before, (now[0].clientX + now[1].clientX) / 2, (now[0].clientY + now[1].clientY) / 2);
                } else if (v.s > 1) {
                  v.x += e.clientX - prev.clientX; v.y += e.clientY - prev.clientY; v.apply();
                  v.pointers.set(e.pointerId, e);
                }
              });
              const up = e => v.pointers.delete(e.pointerId);
              box.addEventListener('pointerup', up); box.addEventListener('pointercancel', up);
              box.addEventListener('dblclick', () => v.reset());
            }
            box.__viewer.reset();
            """;

    private final Div stage = new Div();

    public ImageViewer() {
        addClassName("image-viewer");
        setId("image-viewer");
        stage.addClassName("image-stage");
        Button zoomIn = tool(VaadinIcon.PLUS, "zoom-in", "this.__viewer && this.__viewer.zoom(1.25)");
        Button zoomOut = tool(VaadinIcon.MINUS, "zoom-out", "this.__viewer && this.__viewer.zoom(0.8)");
        Button reset = tool(VaadinIcon.EXPAND_SQUARE, "zoom-reset", "this.__viewer && this.__viewer.reset()");
        Button fullscreen = new Button(VaadinIcon.EXPAND_FULL.create(), click -> getElement().executeJs(
                "if (document.fullscreenElement) { document.exitFullscreen(); } else if (this.requestFullscreen) "
                        + "{ this.requestFullscreen(); }"));
        fullscreen.setId("fullscreen");
        fullscreen.setAriaLabel("Full screen");
        fullscreen.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        Div tools = new Div(zoomIn, zoomOut, reset, fullscreen);
        tools.addClassName("image-tools");
        add(stage, tools);
    }

    private Button tool(VaadinIcon icon, String id, String script) {
        Button button = new Button(icon.create(), click -> stage.getElement().executeJs(script));
        button.setId(id);
        button.setAriaLabel(id);
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Replaces the image; the bytes are fetched only when the browser asks for them. */
    public void show(Supplier<Picture> picture, String alt) {
        stage.removeAll();
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            Picture p = picture.get();
            return new DownloadResponse(new ByteArrayInputStream(p.bytes()), "case-image", p.mediaType(),
                    p.bytes().length);
        }), alt);
        image.setId("case-image");
        image.getElement().setAttribute("draggable", "false");
        stage.add(image);
        if (isAttached()) {
            stage.getElement().executeJs(SCRIPT);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        stage.getElement().executeJs(SCRIPT);
    }
}

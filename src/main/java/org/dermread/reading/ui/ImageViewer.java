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
 * Shows one image as large as its box allows, with zoom (wheel, pinch, buttons), pan (drag) and full screen, and
 * loads the next case's image ahead ({@link #prefetch}): that image waits, fetched and decoded, invisible in the
 * same place, and {@link #show} with its key only makes it visible, so the next case appears without a download.
 * The behaviour is a few lines of browser script attached with {@code executeJs}: no npm module is needed. Image
 * addresses are opaque one-off resource URLs, so they reveal nothing about the case.
 */
public class ImageViewer extends Div {

    /** Bytes and media type of the image to show. */
    public record Picture(byte[] bytes, String mediaType) {
    }

    private static final String SCRIPT = """
            const box = this;
            if (!box.__viewer) {
              const v = box.__viewer = {s: 1, x: 0, y: 0, pointers: new Map(), pinch: 0};
              v.img = () => box.querySelector('img:not(.prefetch)');
              v.apply = () => {
                const img = v.img();
                if (img) img.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.s})`;
              };
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
              box.addEventListener('wheel', e => {
                e.preventDefault();
                v.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX, e.clientY);
              }, {passive: false});
              box.addEventListener('pointerdown', e => {
                box.setPointerCapture(e.pointerId);
                v.pointers.set(e.pointerId, e);
              });
              box.addEventListener('pointermove', e => {
                const prev = v.pointers.get(e.pointerId); if (!prev) return;
                if (v.pointers.size === 2) {
                  const pts = [...v.pointers.values()];
                  const before = Math.hypot(pts[0].clientX - pts[1].clientX, pts[0].clientY - pts[1].clientY);
                  v.pointers.set(e.pointerId, e);
                  const now = [...v.pointers.values()];
                  const after = Math.hypot(now[0].clientX - now[1].clientX, now[0].clientY - now[1].clientY);
                  if (before > 0) {
                    v.zoom(after / before, (now[0].clientX + now[1].clientX) / 2,
                        (now[0].clientY + now[1].clientY) / 2);
                  }
                } else if (v.s > 1) {
                  v.x += e.clientX - prev.clientX; v.y += e.clientY - prev.clientY; v.apply();
                  v.pointers.set(e.pointerId, e);
                }
              });
              const up = e => v.pointers.delete(e.pointerId);
              box.addEventListener('pointerup', up); box.addEventListener('pointercancel', up);
              box.addEventListener('dblclick', () => v.reset());
            }
            box.querySelectorAll('img.prefetch').forEach(img => { img.style.transform = ''; });
            box.__viewer.reset();
            """;

    private final Div stage = new Div();
    private Image shown;
    private Image upcoming;
    private Object upcomingKey;

    public ImageViewer() {
        addClassName("image-viewer");
        setId("image-viewer");
        stage.addClassName("image-stage");
        Button zoomIn = tool(VaadinIcon.PLUS, "zoom-in", "reading.zoom.in",
                "this.__viewer && this.__viewer.zoom(1.25)");
        Button zoomOut = tool(VaadinIcon.MINUS, "zoom-out", "reading.zoom.out",
                "this.__viewer && this.__viewer.zoom(0.8)");
        Button reset = tool(VaadinIcon.EXPAND_SQUARE, "zoom-reset", "reading.zoom.reset",
                "this.__viewer && this.__viewer.reset()");
        Button fullscreen = new Button(VaadinIcon.EXPAND_FULL.create(), click -> getElement().executeJs(
                "if (document.fullscreenElement) { document.exitFullscreen(); } else if (this.requestFullscreen) "
                        + "{ this.requestFullscreen(); }"));
        fullscreen.setId("fullscreen");
        label(fullscreen, "reading.zoom.fullscreen");
        fullscreen.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        Div tools = new Div(zoomIn, zoomOut, reset, fullscreen);
        tools.addClassName("image-tools");
        add(stage, tools);
    }

    private Button tool(VaadinIcon icon, String id, String labelKey, String script) {
        Button button = new Button(icon.create(), click -> stage.getElement().executeJs(script));
        button.setId(id);
        label(button, labelKey);
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void label(Button button, String key) {
        button.setAriaLabel(getTranslation(key));
        button.setTooltipText(getTranslation(key));
    }

    /**
     * Shows the image with this key: the one loaded ahead if it has the key, else a new one whose bytes the
     * browser fetches when it asks for them.
     */
    public void show(Object key, Supplier<Picture> picture, String alt) {
        if (upcoming != null && upcomingKey.equals(key)) {
            if (shown != null) {
                stage.remove(shown);
            }
            shown = upcoming;
            shown.removeClassName("prefetch");
            shown.getElement().removeAttribute("aria-hidden");
            shown.setAlt(alt);
        } else {
            stage.removeAll();
            shown = image(picture, alt);
            stage.add(shown);
        }
        upcoming = null;
        upcomingKey = null;
        shown.setId("case-image");
        if (isAttached()) {
            stage.getElement().executeJs(SCRIPT);
        }
    }

    /** Loads an image ahead, invisible, for a later {@link #show} with the same key. */
    public void prefetch(Object key, Supplier<Picture> picture) {
        if (upcoming != null) {
            stage.remove(upcoming);
        }
        upcoming = image(picture, "");
        upcomingKey = key;
        upcoming.addClassName("prefetch");
        upcoming.setId("next-case-image");
        upcoming.getElement().setAttribute("aria-hidden", "true");
        stage.add(upcoming);
        // Fetch and decode now, so that showing it is only a repaint.
        upcoming.getElement().executeJs("this.decode && this.decode().catch(() => {})");
    }

    /** Removes the images (the page shows something else, e.g. a pause between batches). */
    public void clear() {
        stage.removeAll();
        shown = null;
        upcoming = null;
        upcomingKey = null;
    }

    private static Image image(Supplier<Picture> picture, String alt) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            Picture p = picture.get();
            return new DownloadResponse(new ByteArrayInputStream(p.bytes()), "case-image", p.mediaType(),
                    p.bytes().length);
        }), alt);
        image.getElement().setAttribute("draggable", "false");
        return image;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        stage.getElement().executeJs(SCRIPT);
    }
}

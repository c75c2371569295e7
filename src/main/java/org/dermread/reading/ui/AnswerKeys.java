package org.dermread.reading.ui;

import com.vaadin.flow.component.Key;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keyboard scheme of the reading page: each diagnosis has a letter, shown on its button, and the digits 1-5 are
 * only ever the confidence, so no key means two things. The letter is the code's first letter, except where two
 * codes share it: seborrheic Dermatitis (SD) D, seborrheic Keratosis (SK) K, dermatoFibroma (DF) F, keloid and
 * hypertrophic Scar (KAHS) S, port Wine stain (PWS) W. The letters are the same in every study, so a reader learns
 * them once. A code outside this table takes the first free letter of its code, then of the alphabet.
 */
final class AnswerKeys {

    private static final Map<String, Character> LETTERS = Map.ofEntries(Map.entry("LP", 'L'),
            Map.entry("Rosa", 'R'), Map.entry("VW", 'V'), Map.entry("AV", 'A'), Map.entry("KAHS", 'S'),
            Map.entry("EAD", 'E'), Map.entry("DF", 'F'), Map.entry("SD", 'D'), Map.entry("SK", 'K'),
            Map.entry("MN", 'M'), Map.entry("Hem", 'H'), Map.entry("Pso", 'P'), Map.entry("PWS", 'W'),
            Map.entry("BCC", 'B'));

    /**
     * Enter on a focused button of the page (the diagnosis just clicked, a zoom button, the AI panel's toggle) must
     * save, not press that button as well: such key presses are caught before the button sees them and handed to
     * the page's {@code enterPressed()}. Enter elsewhere reaches the page's Enter shortcut.
     */
    static final String ENTER_ON_BUTTONS = """
            if (!this.__enter) {
              this.__enter = true;
              this.addEventListener('keydown', e => {
                if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
                const button = e.target.closest && e.target.closest('vaadin-button');
                if (!button || !this.contains(button)) return;
                e.preventDefault();
                e.stopPropagation();
                this.$server.enterPressed();
              }, true);
            }
            """;

    private static final Key[] KEYS = {Key.KEY_A, Key.KEY_B, Key.KEY_C, Key.KEY_D, Key.KEY_E, Key.KEY_F, Key.KEY_G,
        Key.KEY_H, Key.KEY_I, Key.KEY_J, Key.KEY_K, Key.KEY_L, Key.KEY_M, Key.KEY_N, Key.KEY_O, Key.KEY_P,
        Key.KEY_Q, Key.KEY_R, Key.KEY_S, Key.KEY_T, Key.KEY_U, Key.KEY_V, Key.KEY_W, Key.KEY_X, Key.KEY_Y,
        Key.KEY_Z};

    /** The confidence keys 1-5 (top row and number pad). */
    static final Key[][] CONFIDENCE = {{Key.DIGIT_1, Key.NUMPAD_1}, {Key.DIGIT_2, Key.NUMPAD_2},
        {Key.DIGIT_3, Key.NUMPAD_3}, {Key.DIGIT_4, Key.NUMPAD_4}, {Key.DIGIT_5, Key.NUMPAD_5}};

    private AnswerKeys() {
    }

    /** A distinct upper-case letter per code, in the codes' order. */
    static Map<String, Character> letters(List<String> codes) {
        Map<String, Character> letters = new LinkedHashMap<>();
        Set<Character> taken = new HashSet<>();
        for (String code : codes) {
            Character preferred = LETTERS.get(code);
            if (preferred != null && !taken.contains(preferred)) {
                letters.put(code, preferred);
                taken.add(preferred);
            }
        }
        for (String code : codes) {
            if (letters.containsKey(code)) {
                continue;
            }
            String candidates = code.toUpperCase(Locale.ROOT) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (char c : candidates.toCharArray()) {
                if (c >= 'A' && c <= 'Z' && taken.add(c)) {
                    letters.put(code, c);
                    break;
                }
            }
        }
        return letters;
    }

    static Key key(char letter) {
        return KEYS[letter - 'A'];
    }
}

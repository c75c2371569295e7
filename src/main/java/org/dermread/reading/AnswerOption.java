package org.dermread.reading;

import java.util.Locale;

/** One choice of a study's label set, in display order. */
public record AnswerOption(String code, String nameEnglish, String nameChinese) {

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameChinese : nameEnglish;
    }
}

package org.dermread.studies;

import java.util.List;

/**
 * What is wrong with one line of a pasted reader list.
 *
 * @param line       the line number in the pasted text, counted from 1
 * @param field      the field at fault, or null when the line does not have the seven fields
 * @param messageKey why, as a translation key, filled in with {@code arguments}
 */
public record ReaderListProblem(int line, ReaderField field, String messageKey, List<Object> arguments) {

    public ReaderListProblem {
        arguments = List.copyOf(arguments);
    }
}

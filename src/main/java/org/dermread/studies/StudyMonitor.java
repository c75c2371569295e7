package org.dermread.studies;

import java.util.List;

/**
 * Every invited reader's progress in one study, read at one moment.
 *
 * @param hasArms whether the study is a collaboration study (its readers' arms are shown)
 */
public record StudyMonitor(long studyId, String studyName, boolean aiAssisted, int cases,
        List<ReaderProgress> readers, boolean hasArms) {

    public StudyMonitor {
        readers = List.copyOf(readers);
    }

    public long count(ReaderStatus.Group group) {
        return readers.stream().filter(reader -> reader.status().group() == group).count();
    }
}

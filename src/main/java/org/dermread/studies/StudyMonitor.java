package org.dermread.studies;

import java.util.List;

/** Every invited reader's progress in one study, read at one moment. */
public record StudyMonitor(long studyId, String studyName, boolean aiAssisted, int cases,
        List<ReaderProgress> readers) {

    public StudyMonitor {
        readers = List.copyOf(readers);
    }

    public long count(ReaderStatus.Group group) {
        return readers.stream().filter(reader -> reader.status().group() == group).count();
    }
}

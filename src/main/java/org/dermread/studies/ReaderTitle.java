package org.dermread.studies;

/** Clinical title in Chinese hospitals: 住院医师, 主治医师, 副主任医师, 主任医师. */
public enum ReaderTitle {
    RESIDENT,
    ATTENDING,
    ASSOCIATE_CHIEF,
    CHIEF
}

package org.dermread.studies;

/** Kind of hospital a reader works at: 三级甲等, 三级, 二级, 一级, private, other. */
public enum HospitalLevel {
    TERTIARY_A,
    TERTIARY,
    SECONDARY,
    PRIMARY,
    PRIVATE,
    OTHER
}

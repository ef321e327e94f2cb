package dev.computestudio.service;

/** The studio's colour scheme. */
public enum Theme {
    LIGHT,
    DARK
}

package dev.computestudio.ui.shell;

/** How far the workspace picker's list got, so the picker can say why it is empty. */
public enum WorkspaceListState {
    LOADING,
    EMPTY,
    READY,
    FAILED
}

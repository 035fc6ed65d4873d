package io.pgforce.emulator.store;

/**
 * Told about every committed change, once, in commit order. Called on the writing thread while the
 * store's write lock is held, so events of different transactions never interleave; a listener must
 * therefore be quick and must not call back into the store's write path. An exception thrown by a
 * listener is logged and does not undo the change.
 */
@FunctionalInterface
public interface ChangeListener {

  void onChange(ChangeEvent event);
}

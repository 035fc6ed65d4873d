package io.pgforce.bench;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;

/**
 * The org a benchmark talks to, in a JVM of its own so the engine's heap is measured alone: starts
 * an emulator seeded with N Accounts, prints {@code READY <baseUrl>}, and runs until its standard
 * input closes (the benchmark ending, or dying, closes it).
 */
public final class EmulatorProcess {

  private EmulatorProcess() {}

  public static void main(String[] args) throws Exception {
    int accounts = Integer.parseInt(args[0]);
    try (Emulator emulator =
        Emulator.start(EmulatorConfig.builder().port(0).dailyApiRequests(1_000_000_000L).build())) {
      emulator.seed(accounts, 0, 0);
      System.out.println("READY " + emulator.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to go away
      }
    }
  }
}

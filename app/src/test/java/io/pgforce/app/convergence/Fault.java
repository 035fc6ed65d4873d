package io.pgforce.app.convergence;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.faults.FaultRule;
import java.util.List;

/** One kind of fault the schedule injects, and how to inject it. */
enum Fault {
  /** The next few sObject Collections calls answer 503 Service Unavailable. */
  COLLECTIONS_503 {
    @Override
    void inject(Targets t, int strength) {
      t.org().addFault(FaultRule.failing("/composite/sobjects", 503).times(strength));
    }
  },
  /** Half the records of the next Collections calls fail with UNABLE_TO_LOCK_ROW. */
  UNABLE_TO_LOCK_ROW {
    @Override
    void inject(Targets t, int strength) {
      t.org()
          .addFault(
              FaultRule.erroring("/composite/sobjects", "UNABLE_TO_LOCK_ROW")
                  .onRecords()
                  .withRate(0.5)
                  .times(strength * 2));
    }
  },
  /** Polls fail: the next queries answer 503. */
  QUERY_503 {
    @Override
    void inject(Targets t, int strength) {
      t.org().addFault(FaultRule.failing("/queryAll", 503).times(strength));
      t.org().addFault(FaultRule.failing("/query", 503).times(strength));
    }
  },
  /** Every access token dies: each client must log in again. */
  EXPIRED_SESSIONS {
    @Override
    void inject(Targets t, int strength) {
      t.org().expireSessions();
    }
  },
  /** Every API call takes longer for a while (the schedule removes it later). */
  LATENCY {
    @Override
    void inject(Targets t, int strength) {
      t.latency(FaultRule.slow("*", 50L * strength));
    }
  },
  LATENCY_END {
    @Override
    void inject(Targets t, int strength) {
      t.latency(null);
    }
  },
  /** Every streaming client is dropped and must handshake again, replaying what it missed. */
  DROPPED_STREAMING {
    @Override
    void inject(Targets t, int strength) {
      t.org().streamingFaults().dropConnections();
    }
  },
  /** The next changes arrive as GAP events, which carry no values. */
  GAP_EVENTS {
    @Override
    void inject(Targets t, int strength) {
      t.org().streamingFaults().gapsFor("Account", strength);
      t.org().streamingFaults().gapsFor("Opportunity", strength);
    }
  },
  /** Salesforce says events were lost: the subscriber must poll the window. */
  OVERFLOW {
    @Override
    void inject(Targets t, int strength) {
      t.org().streamingFaults().emitGap("Account", "GAP_OVERFLOW", List.of());
    }
  },
  /** SIGKILL the engine and start it again at once. */
  ENGINE_KILLED {
    @Override
    void inject(Targets t, int strength) throws Exception {
      t.engine().killAndRestart();
    }
  },
  /** PostgreSQL stops (dropping every connection) and starts again. */
  POSTGRES_RESTARTED {
    @Override
    void inject(Targets t, int strength) throws Exception {
      t.postgres().restart();
    }
  };

  abstract void inject(Targets t, int strength) throws Exception;

  /** What faults act on. */
  interface Targets {
    Emulator org();

    EngineProcess engine();

    RestartablePostgres postgres();

    /** Installs {@code rule} as the one latency rule, or removes it when null. */
    void latency(FaultRule rule);
  }
}

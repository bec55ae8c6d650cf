"""The rule engine: the policy compiled into a durable-rules ruleset. The only module that imports it.

How an evaluation chains, inside the engine:

1. the profile's facts are asserted as one ``profile`` fact; every profile rule whose condition
   holds fires and records itself;
2. a last, lowest-priority rule (``decide``) then sees which rules fired, takes the lowest mode cap
   and the stage (readiness.decision) and asserts a ``decision`` fact: the mode and the stage, and
   of the profile the facts that the rules of the next step test (the stock host's path,
   `run_on_host`, repeats the whole profile; the outcome is the same);
3. the rules that test the mode or stage fire on that fact.

durable-rules has sharp edges, each handled here: a ruleset holds at most 1,024 live sessions (a
fresh sid per evaluation, always deleted); the stock Host runs timer threads that may act on any
session (ours has none); the extension never releases the GIL (one lock, no cost); an exception in
an action is only written into the session state (ours are raised where they happen). A session
takes about 300 KB of the C heap for its rete frames, freed when it is deleted; glibc may hand
that back to the system at once, and the next session faults it in anew (`keep_sessions_on_heap`).

durable-rules is two layers: a C extension that holds the ruleset, matches facts against the
rules and hands out the activations one by one in priority order, and a Python host that runs
each activation's action. The host's dispatch costs about 30 µs an activation (it parses the
state and the message, wraps them, reads the clock twice and writes the state back as JSON) and
an evaluation has eight or so. `RuleEngine._run` therefore drives the C extension itself, through
the same calls the host makes, in the same order: assert the fact, take each activation the
extension hands out, perform it, complete it. The extension still decides which rules fire and in
what order; only the Python glue around it is ours. `RuleEngine.run_on_host` keeps the stock
path, and tests/test_engine.py holds the two equal on 20,000 sampled facts.

Decisions depend only on which rules hold on the profile (and on where the team stands today), so
they are cached by that: most profiles find their decision made for an earlier one.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as extension
from durable import engine as durable

from readiness.conditions import FACTS, Comparison
from readiness.decision import decide_mode, decide_stage
from readiness.errors import EngineError
from readiness.policy import Policy
from readiness.vocabulary import MODES, STAGES, Mode, Stage

CACHE_SIZE = 8_192  # decisions an engine keeps unless told otherwise (`cache_size`): about 2 MB
BANDS_KEPT = 4_096  # per fact: every score to one decimal fits; a float of any precision may not
DECIDE = "__decide__"  # cannot clash: rule ids start with a letter
# How glibc's malloc is asked to treat the extension's session frames (`keep_sessions_on_heap`):
# blocks below MMAP_BELOW come from the heap, and the heap gives memory back only past TRIM_ABOVE.
MMAP_BELOW = 2 << 20
TRIM_ABOVE = 4 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (glibc's malloc.h)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the engine decided: the rules that fired, in order, the mode and the rollout stage."""

    fired: tuple[str, ...]
    mode: Mode
    rollout_stage: Stage


class _QuietHost(durable.Host):  # type: ignore[misc]
    """A durable Host without its background timer threads; actions are looked up by name."""

    def __init__(self) -> None:
        self._actions: dict[str, Callable[[Any], None]] = {}
        super().__init__()

    def _run(self) -> None:
        """Start nothing: every evaluation runs to completion in the calling thread."""

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        return self._actions[action_name]


def keep_sessions_on_heap() -> bool:
    """Keep the memory of deleted sessions mapped, for the next session to reuse.

    Each session of the extension allocates its rete frames (about 300 KB: 8 KB of frame indexes
    for each join of the ruleset) and frees them when it is deleted. glibc's malloc, left to its
    own thresholds, either gave them back to the system at once (when they lay at the top of the
    heap) or mapped them anew for each session; the next session then faulted the same 50 to 75
    pages in again, and an uncached decision cost about 230 µs instead of 55, depending only on
    where earlier allocations happened to lie. With blocks up to MMAP_BELOW taken from the heap
    and the heap trimmed only past TRIM_ABOVE, the pages stay mapped (tests/test_engine.py
    counts the page faults per decision). The process keeps at most TRIM_ABOVE of freed memory.
    False where malloc is not glibc's.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_BELOW)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_ABOVE)
    )


_host: _QuietHost | None = None
_engines: dict[str, RuleEngine] = {}
_lock = threading.RLock()  # guards the host, the registry and every evaluation


def engine_for(policy: Policy) -> RuleEngine:
    """The process's engine for this policy version, compiled and registered on first use."""
    global _host
    with _lock:
        if policy.version not in _engines:
            if _host is None:
                keep_sessions_on_heap()
                _host = _QuietHost()
            _engines[policy.version] = RuleEngine(policy, _host)
        return _engines[policy.version]


class RuleEngine:
    """One policy version, registered as one ruleset on the process's host."""

    def __init__(self, policy: Policy, host: _QuietHost) -> None:
        self.policy = policy
        self.name = f"readiness_{policy.version}"
        self.facts = (*policy.bands.facts, "current_stage")
        # The facts the rules on the decision test, beside the mode and the stage: all the
        # decision fact needs to carry of the profile.
        self._on_decision = tuple(
            dict.fromkeys(
                t.fact
                for rule in policy.rules
                if rule.layer == "decision"
                for t in rule.when
                if t.fact not in ("mode", "rollout_stage")
            )
        )
        self._host = host
        self._sids = itertools.count(1)
        self._cache: dict[tuple[int, Any], Outcome] = {}
        # How many decisions are kept. A process that does a batch and nothing else keeps more
        # (readiness_cli.batch_workers.remember_more): it meets more distinct ones than a server.
        self.cache_size = CACHE_SIZE
        self._ids: dict[str, Any] = {
            word: word for word in (*(rule.id for rule in policy.rules), *MODES, *STAGES)
        }
        # Each test of the policy on a fact of the profile is one bit of the key; which of a
        # fact's tests a value passes is worked out once per value, as the key is made each time.
        self._bits: dict[str, list[tuple[Comparison, int]]] = {}
        tests = dict.fromkeys(
            t for rule in policy.rules for t in rule.when if FACTS[t.fact].layer == "profile"
        )
        for bit, test in enumerate(tests):
            self._bits.setdefault(test.fact, []).append((test, 1 << bit))
        self._held: dict[str, dict[tuple[type, Any], int]] = {name: {} for name in self._bits}
        # A rule holds on the profile when all its tests on the profile pass (its tests of the
        # decided mode or stage follow from which rules hold).
        self._rules = tuple(
            sum(bit for fact in self._bits for test, bit in self._bits[fact] if test in rule.when)
            for rule in policy.rules
        )
        self._bands: dict[str, dict[tuple[type, Any], Any]] = {name: {} for name in self.facts}
        # What each activation does, by rule name: record the rule as fired, or decide.
        self._performs: dict[str, str | None] = {
            rule.id: self._ids[rule.id] for rule in policy.rules
        } | {DECIDE: None}
        # durable-rules takes the actions out of the definition it is given; ours is built fresh.
        host.register_rulesets({self.name: self._compile()})
        self._handle = host.get_ruleset(self.name)._handle  # the extension's own ruleset

    def evaluate(self, facts: Mapping[str, Any], *, cached: bool = True) -> Outcome:
        """Decide on `facts` (as produced by readiness.scoring); the same facts, the same outcome.

        `cached=False` always runs the engine (for tests and benchmarks of the engine itself).
        """
        if not cached:
            with _lock:
                return self._run(self.representatives(facts))
        key = self.key(facts)
        with _lock:
            outcome = self._cache.get(key)
            if outcome is None:
                outcome = self._run(self.representatives(facts))
                if len(self._cache) >= self.cache_size:
                    # The newest makes way: the decisions met first, the common ones as a rule,
                    # stay; unlike least-recently-used, a pass over more profiles than the cache
                    # holds still finds most of them.
                    self._cache.popitem()
                self._cache[key] = outcome
            return outcome

    def key(self, facts: Mapping[str, Any]) -> tuple[int, Any]:
        """What a decision depends on: which rules' tests on the profile the facts pass, and
        where the team stands today (the stage is decided from it). Facts on which the same
        rules hold fire the same rules, so they share one decision."""
        held = 0
        for name, known in self._held.items():
            value = facts.get(name)
            if value is None:
                continue  # a missing fact passes no test
            bits = known.get((type(value), value))
            if bits is None:
                bits = sum(bit for test, bit in self._bits[name] if test.holds({name: value}))
                if len(known) < BANDS_KEPT:
                    known[(type(value), value)] = bits
            held |= bits
        rules = 0
        for position, tests in enumerate(self._rules):
            if held & tests == tests:
                rules |= 1 << position
        return rules, facts.get("current_stage")

    def representatives(self, facts: Mapping[str, Any]) -> dict[str, Any]:
        """Only the facts the rules test, each as its band's representative value."""
        return {
            name: self._canonical(name, value)
            for name in self.facts
            if (value := facts.get(name)) is not None
        }

    def _canonical(self, name: str, value: Any) -> Any:
        known = self._bands[name]
        # By type too: True == 1 == 1.0 share a hash, yet a choice must stay as it was given.
        seen = known.get((type(value), value))
        if seen is None:
            seen = self.policy.bands.canonical(name, value)
            if len(known) < BANDS_KEPT:
                known[(type(value), value)] = seen
        return seen

    def clear_cache(self) -> None:
        with _lock:
            self._cache.clear()

    def _run(self, facts: dict[str, Any]) -> Outcome:
        """Evaluate `facts` in a session of its own, driving the C extension directly.

        The calls and their order are those of durable's host (`Ruleset.assert_fact`, then
        `do_actions` and `_flush_actions`): the extension hands out one activation at a time,
        highest priority first; each is performed here, the session state written back and the
        activation completed, which yields the next. The state stays as the extension made it:
        what fired, the mode and the stage are kept here, not in the session.
        """
        handle, sid = self._handle, f"{self.name}-{next(self._sids)}"
        fired: list[str] = []
        decided: list[tuple[Mode, Stage]] = []
        try:
            code, state = extension.assert_fact(
                handle, _dumps({**facts, "sid": sid, "t": "profile"})
            )
            if code == 1:
                raise EngineError(f"no rule took the facts {facts}")
            if code == 2:
                raise EngineError(f"the same facts were asserted twice in session {sid}")
            started = extension.start_action_for_state(handle, state if code != 3 else 0)
            if started:
                session, activation = started
                while activation:
                    try:
                        self._perform(_rule_of(activation), facts, sid, fired, decided)
                    except BaseException as error:
                        extension.abandon_action(handle, state)
                        if not isinstance(error, Exception):
                            raise  # an interrupt stays one
                        raise EngineError(f"a rule action failed: {error!r}") from error
                    extension.update_state(handle, session)
                    activation = extension.complete_and_start_action(handle, state)
        finally:
            extension.delete_state(handle, sid)
        if not decided:
            raise EngineError(f"no mode was decided for the facts {facts}")
        (mode, stage), *_ = decided
        return Outcome(tuple(fired), mode, stage)

    def _perform(
        self,
        rule: str,
        facts: dict[str, Any],
        sid: str,
        fired: list[str],
        decided: list[tuple[Mode, Stage]],
    ) -> None:
        """One activation: a rule records that it fired; the decision rule decides and asserts
        the decision, on which the rules about the mode and the stage then fire."""
        recorded = self._performs[rule]
        if recorded is not None:
            fired.append(recorded)
            return
        mode, stage = self.decision(fired, facts.get("current_stage"))
        decided.append((mode, stage))
        decision = {name: facts[name] for name in self._on_decision if name in facts}
        decision |= {"t": "decision", "mode": mode, "rollout_stage": stage, "sid": sid}
        # When no rule speaks to this decision the extension says so (code 1); `rules check`
        # reports the missing next step, the evaluation itself is complete.
        extension.assert_fact(self._handle, _dumps(decision))

    def decision(self, fired: list[str], current_stage: Any) -> tuple[Mode, Stage]:
        """The mode (the lowest cap of the rules that fired) and the rollout stage."""
        rules = [self.policy.by_id[rule_id] for rule_id in fired]
        mode = decide_mode(r.then.mode_cap for r in rules if r.then.mode_cap)
        stage = decide_stage(
            mode,
            current_stage,
            (r.then.stage_cap for r in rules if r.then.stage_cap),
            hold=any(r.then.hold_stage for r in rules),
        )
        return self._ids.get(mode, mode), self._ids.get(stage, stage)

    def run_on_host(self, facts: dict[str, Any]) -> Outcome:
        """`_run` through durable's own Python host: the stock path, kept as the reference."""
        with _lock:
            return self._run_on_host(self.representatives(facts))

    def _run_on_host(self, facts: dict[str, Any]) -> Outcome:
        sid = f"{self.name}-{next(self._sids)}"
        try:
            self._host.assert_fact(self.name, {**facts, "sid": sid, "t": "profile"})
            state = self._host.get_state(self.name, sid)
        except durable.MessageNotHandledException as error:
            raise EngineError(f"no rule took the facts {facts}: {error.message}") from error
        except durable.MessageObservedException as error:
            raise EngineError(f"the same facts were asserted twice in session {sid}") from error
        finally:
            self._host.delete_state(self.name, sid)
        if "exception" in state:
            raise EngineError(f"a rule action failed: {state['exception']}")
        if "mode" not in state:
            raise EngineError(f"no mode was decided for the facts {facts}")
        # The policy's own id strings, not the engine's copies: outcomes are kept in a cache.
        fired = tuple(self._ids.get(rule_id, rule_id) for rule_id in state.get("fired", ()))
        mode, stage = state["mode"], state["rollout_stage"]
        return Outcome(fired, self._ids.get(mode, mode), self._ids.get(stage, stage))

    def _compile(self) -> dict[str, Any]:
        rules: dict[str, Any] = {}
        layers = (
            [r for r in self.policy.rules if r.layer == "profile"],
            [r for r in self.policy.rules if r.layer == "decision"],
        )
        for priority, rule in enumerate(layers[0], start=1):
            rules[rule.id] = self._rule("profile", rule.when, self._record(rule.id), priority)
        rules[DECIDE] = self._rule("profile", (), self._decide, len(layers[0]) + 1)
        for priority, rule in enumerate(layers[1], start=1):
            rules[rule.id] = self._rule("decision", rule.when, self._record(rule.id), priority)
        return rules

    def _rule(
        self, kind: str, tests: tuple[Comparison, ...], action: Callable[[Any], None], priority: int
    ) -> dict[str, Any]:
        action_name = f"{self.name}:{len(self._host._actions)}"
        self._host._actions[action_name] = action
        condition = {"$and": [{"t": kind}, *(_condition(t) for t in tests)]}
        return {"all": [{"m": condition}], "run": action_name, "pri": priority}

    @staticmethod
    def _record(rule_id: str) -> Callable[[Any], None]:
        def fired(c: Any) -> None:
            c.s.fired = [*(c.s.fired or ()), rule_id]

        return fired

    def _decide(self, c: Any) -> None:
        """The decision rule's action on durable's host (`run_on_host`)."""
        mode, stage = self.decision(list(c.s.fired or ()), c.m.current_stage)
        c.s.mode, c.s.rollout_stage = mode, stage
        profile = {
            k: v for k, v in c.m.items() if k not in ("sid", "id", "t") and not k.startswith("$")
        }
        # When no rule speaks to this decision the engine says so by raising; `rules check`
        # reports the missing next step, the evaluation itself is complete.
        with contextlib.suppress(durable.MessageNotHandledException):
            c.assert_fact({**profile, "t": "decision", "mode": mode, "rollout_stage": stage})


def _dumps(fact: dict[str, Any]) -> str:
    """A fact as durable's host writes it for the extension (`json.dumps(fact,
    ensure_ascii=False)`, with one encoder instead of a new one each time)."""
    return _ENCODER.encode(fact)


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _rule_of(activation: str) -> str:
    """The rule an activation is for: the one key of ``{"<rule>": {"m": {...}}}``, read off the
    text's start (rule ids are lower-case letters, digits and hyphens: nothing is escaped)."""
    return activation[2 : activation.find('"', 2)]


def _condition(test: Comparison) -> dict[str, Any]:
    """One test in durable-rules' JSON condition language, as its operator's entry builds it."""
    return test.operator.condition(test.fact, test.value)

"""The background workers with real threads."""

import threading


from reviewer.gui.workers import run_in_background, wait_for_all


def test_results_progress_and_errors_reach_the_gui_thread(qtbot, monkeypatch):
    monkeypatch.delenv("REVIEWER_SYNC_TASKS")
    main = threading.get_ident()
    seen = {}

    def work(progress):
        seen["thread"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    got = []
    progress = []
    task = run_in_background(work, got.append, lambda e, d: got.append(e), lambda *a: progress.append(a))
    qtbot.waitUntil(lambda: got == [42], timeout=10000)
    assert seen["thread"] != main and progress == [(1, 2, "half")]
    assert task.thread is not None and wait_for_all(5)

    errors = []
    run_in_background(lambda p: 1 / 0, got.append, lambda e, d: errors.append((e, d)))
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0][0], ZeroDivisionError) and "ZeroDivisionError" in errors[0][1]

    cancelled = []

    def slow(p):
        while True:
            p(0, 1, "working")

    t = run_in_background(slow, got.append, lambda e, d: got.append(e))
    t.signals.cancelled.connect(lambda: cancelled.append(True))
    t.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    assert wait_for_all(5)



def test_a_delivered_task_keeps_neither_its_work_nor_its_result(qtbot, monkeypatch):
    import gc
    import weakref

    monkeypatch.delenv("REVIEWER_SYNC_TASKS")

    class Big:
        pass

    made = []

    def work(_progress):
        made.append(weakref.ref(result := Big()))
        return result

    got = []
    task = run_in_background(work, lambda r: got.append(type(r)), lambda e, d: got.append(e))
    task.signals.succeeded.connect(lambda _r: task.cancel())  # a slot that closes over its task, as the window's do
    qtbot.waitUntil(lambda: got == [Big], timeout=10000)
    assert wait_for_all(5)
    gc.collect()
    assert made and made[0]() is None

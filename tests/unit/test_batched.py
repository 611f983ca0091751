"""``batched``: how ``piiflow detect`` and ``piiflow redact`` cut their input into batches."""

from __future__ import annotations

from collections.abc import Iterator

from processors.ordered_pool import batched


def test_full_batches_then_the_rest_in_order() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_an_exact_multiple_leaves_no_empty_batch() -> None:
    assert list(batched(range(6), 3)) == [[0, 1, 2], [3, 4, 5]]
    assert list(batched([], 3)) == []


def test_a_batch_comes_out_before_the_next_item_is_read() -> None:
    pulled: list[int] = []

    def items() -> Iterator[int]:
        for item in range(5):
            pulled.append(item)
            yield item

    batches = batched(items(), 2)
    assert next(batches) == [0, 1]
    assert pulled == [0, 1]  # a stream is never read ahead of the batch being handed out

package org.sciplat.token.core.history;

import java.util.List;
import java.util.Optional;

/** One page of change history, newest first, with the cursors to the pages beside it. */
public record HistoryPage(List<TokenChangeEntry> entries, long total, Optional<String> next, Optional<String> previous) {
}

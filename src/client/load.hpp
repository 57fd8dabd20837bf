// satstore client — the state of a piece of remote data, shared by every screen's state.
#pragma once

namespace satstore::client {

enum class Load { idle, loading, ok, failed };

}  // namespace satstore::client

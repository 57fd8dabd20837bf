// satstore client — WebGL2 renderer for ImGui draw data (shaders in shaders/imgui.{vert,frag}).
#pragma once

#include <string>

#include <imgui.h>

namespace satstore::client::render {

// Compiles and links the shader pair and creates the buffers. Returns false and sets *error to the
// GLSL compiler or linker log when that fails. Call once, with the GL context current.
bool init(std::string* error);

// Uploads the font atlas of `atlas` (built as Alpha8) as an R8 texture, replacing the previous
// one, and stores the texture id in the atlas. Call after every atlas (re)build.
void upload_font_atlas(ImFontAtlas* atlas);

// Draws `draw_data` into the default framebuffer of framebuffer_width × framebuffer_height device
// pixels, clearing it first with `clear_rgba`. ImGui coordinates are CSS px; the scale between the
// two comes from draw_data->FramebufferScale.
void render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height, const float clear_rgba[4]);

}  // namespace satstore::client::render

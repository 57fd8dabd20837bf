#version 300 es
// ImGui draw-data vertex shader (src/client/render/renderer.cpp).
// Vertices arrive in ImGui's coordinate space: CSS pixels from the canvas's top-left corner.
// u_projection maps that space to clip space (y down -> y up), so the same draw data works at
// any devicePixelRatio: only the viewport and scissor rectangles are in device pixels.
precision highp float;

uniform mat4 u_projection;

layout(location = 0) in vec2 a_position;  // ImDrawVert::pos, CSS px
layout(location = 1) in vec2 a_uv;        // ImDrawVert::uv, 0..1 in the bound texture
layout(location = 2) in vec4 a_color;     // ImDrawVert::col, RGBA8 normalised to 0..1

out vec2 v_uv;
out vec4 v_color;

void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}

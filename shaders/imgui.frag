#version 300 es
// ImGui draw-data fragment shader (src/client/render/renderer.cpp).
// Two kinds of texture are bound: the font atlas, uploaded as a single R8 channel to keep a
// DPR-3 atlas small (coverage lives in .r), and RGBA product images. u_alpha_texture tells them
// apart. Blending is straight (non-premultiplied) alpha.
precision mediump float;

uniform sampler2D u_texture;
uniform bool u_alpha_texture;

in vec2 v_uv;
in vec4 v_color;

out vec4 out_color;

void main() {
    vec4 texel = texture(u_texture, v_uv);
    // WebGL2 has no texture swizzle, so the R8 atlas is expanded here: white with coverage alpha.
    vec4 sampled = u_alpha_texture ? vec4(1.0, 1.0, 1.0, texel.r) : texel;
    out_color = v_color * sampled;
}

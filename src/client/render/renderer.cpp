// satstore client — WebGL2 renderer for ImGui draw data.
//
// One program, one VAO, one streaming VBO/IBO pair. Draw commands with a VtxOffset (large draw
// lists with 16-bit indices) are handled by re-pointing the vertex attributes at that offset,
// because WebGL2 has no glDrawElementsBaseVertex.
#include "render/renderer.hpp"

#include <cstddef>
#include <cstdint>

#include <GLES3/gl3.h>

#include "render/imgui_shaders.hpp"

namespace satstore::client::render {
namespace {

struct GlState {
    GLuint program = 0;
    GLint u_projection = -1;
    GLint u_texture = -1;
    GLint u_alpha_texture = -1;
    GLuint vao = 0;
    GLuint vbo = 0;
    GLuint ibo = 0;
    GLuint font_texture = 0;
} g;

std::string shader_log(GLuint shader) {
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
    glGetShaderInfoLog(shader, len, nullptr, log.data());
    return log;
}

GLuint compile(GLenum type, const char* source, const char* name, std::string* error) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        *error = std::string("shader ") + name + " failed to compile: " + shader_log(shader);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

void point_attributes(std::size_t vertex_offset) {
    const std::size_t base = vertex_offset * sizeof(ImDrawVert);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, col)));
}

}  // namespace

bool init(std::string* error) {
    const GLuint vs = compile(GL_VERTEX_SHADER, shaders::kImguiVert, "imgui.vert", error);
    if (vs == 0) return false;
    const GLuint fs = compile(GL_FRAGMENT_SHADER, shaders::kImguiFrag, "imgui.frag", error);
    if (fs == 0) return false;
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint len = 0;
        glGetProgramiv(g.program, GL_INFO_LOG_LENGTH, &len);
        std::string log(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
        glGetProgramInfoLog(g.program, len, nullptr, log.data());
        *error = "shader program failed to link: " + log;
        return false;
    }
    g.u_projection = glGetUniformLocation(g.program, "u_projection");
    g.u_texture = glGetUniformLocation(g.program, "u_texture");
    g.u_alpha_texture = glGetUniformLocation(g.program, "u_alpha_texture");

    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ibo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    point_attributes(0);
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "satstore_webgl2";
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return true;
}

void upload_font_atlas(ImFontAtlas* atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (g.font_texture == 0) glGenTextures(1, &g.font_texture);
    glBindTexture(GL_TEXTURE_2D, g.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(g.font_texture)));
    // The CPU copy is not needed any more: up to 16 MB at DPR 3.
    atlas->ClearTexData();
}

void render(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]) {
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear_rgba[0], clear_rgba[1], clear_rgba[2], clear_rgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    if (draw_data == nullptr || fb_width <= 0 || fb_height <= 0) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(g.program);

    const float l = draw_data->DisplayPos.x, r = l + draw_data->DisplaySize.x;
    const float t = draw_data->DisplayPos.y, b = t + draw_data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l), 0, 0, 0,
        0, 2.0f / (t - b), 0, 0,
        0, 0, -1.0f, 0,
        (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
    };
    glUniformMatrix4fv(g.u_projection, 1, GL_FALSE, projection);
    glUniform1i(g.u_texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);

    const ImVec2 clip_off = draw_data->DisplayPos;
    const ImVec2 scale = draw_data->FramebufferScale;
    GLuint bound_texture = ~0u;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        unsigned int pointed_offset = 0;
        point_attributes(0);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                cmd.UserCallback(list, &cmd);
                continue;
            }
            // Scissor in device pixels, origin bottom-left.
            const float x0 = (cmd.ClipRect.x - clip_off.x) * scale.x;
            const float y0 = (cmd.ClipRect.y - clip_off.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - clip_off.x) * scale.x;
            const float y1 = (cmd.ClipRect.w - clip_off.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            const auto texture = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            if (texture != bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                glUniform1i(g.u_alpha_texture, texture == g.font_texture ? 1 : 0);
                bound_texture = texture;
            }
            if (cmd.VtxOffset != pointed_offset) {
                point_attributes(cmd.VtxOffset);
                pointed_offset = cmd.VtxOffset;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace satstore::client::render

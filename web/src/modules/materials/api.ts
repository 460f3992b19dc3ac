import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, problemFromText } from '../../shared/lib/http';
import type { MaterialKind, MaterialStatus } from './labels';

export interface QaItem { question: string; answer: string }

export interface MaterialListEntry {
  id: string; masterId: string | null; audienceCode: string | null; audienceName: string | null; kind: MaterialKind; title: string;
  summary: string; status: MaterialStatus; orgId: string; orgName: string; fileName: string | null; publishedAt: string | null;
  createdAt: string; canManage: boolean; readers: number; opens: number;
}
export interface MaterialListItem extends MaterialListEntry { variants: MaterialListEntry[] }
export interface MaterialList { orgId: string | null; items: MaterialListItem[]; abilities: { canCreate: boolean } }

export interface MaterialDetail {
  id: string; campaignId: string; orgId: string; orgName: string; masterId: string | null; audienceCode: string | null; audienceName: string | null;
  kind: MaterialKind; title: string; summary: string; body: string; qa: QaItem[]; status: MaterialStatus;
  file: { name: string; mime: string; size: number } | null; publishedAt: string | null; createdAt: string; updatedAt: string;
  abilities: { canManage: boolean };
}

export interface MyMaterial {
  id: string; masterId: string; kind: MaterialKind; title: string; summary: string; audienceCode: string | null; audienceName: string | null;
  orgName: string; hasFile: boolean; publishedAt: string | null; opened: boolean; lastOpenedAt: string | null;
}

export interface Audience { id: string; code: string; name: string; priority: number; isPublic: boolean }

export interface ReaderCounts { targeted: number; opened: number; percent: number }
export interface MaterialReaders {
  materialId: string; orgId: string | null; branchId: string | null; total: ReaderCounts;
  orgs: Array<ReaderCounts & { orgId: string; name: string; code: string; isLeaf: boolean }>;
  members: Array<{ memberId: string; fullName: string; partyPosition: string | null; version: string; opened: boolean; firstOpenedAt: string | null; lastOpenedAt: string | null; openCount: number }>;
}

export interface MaterialInput {
  campaignId?: string; orgId?: string; kind?: MaterialKind; title: string; summary?: string; body?: string; qa?: QaItem[];
  masterId?: string; audienceCode?: string;
}

export const materialKeys = {
  all: ['materials'] as const,
  list: (campaignId: string, orgId?: string | null) => ['materials', 'list', campaignId, orgId ?? null] as const,
  detail: (id: string) => ['materials', 'detail', id] as const,
  mine: (campaignId: string) => ['materials', 'mine', campaignId] as const,
  readers: (id: string, scope: { orgId?: string | null; branchId?: string | null }) => ['materials', 'readers', id, scope] as const,
  audiences: ['material-audiences'] as const,
};

export const useMaterials = (campaignId: string, orgId?: string | null) =>
  useQuery({ queryKey: materialKeys.list(campaignId, orgId), queryFn: () => api<MaterialList>('/api/materials', { query: { campaignId, orgId } }) });

/** Reading a material records an open: fetched once per visit, not refetched on focus. */
export const useMaterial = (id: string) =>
  useQuery({ queryKey: materialKeys.detail(id), queryFn: () => api<MaterialDetail>(`/api/materials/${encodeURIComponent(id)}`), refetchOnWindowFocus: false, retry: false, enabled: !!id });

export const useMyMaterials = (campaignId: string) =>
  useQuery({ queryKey: materialKeys.mine(campaignId), queryFn: () => api<MyMaterial[]>('/api/materials/mine', { query: { campaignId } }) });

export const useAudiences = (enabled = true) =>
  useQuery({ queryKey: materialKeys.audiences, queryFn: () => api<Audience[]>('/api/material-audiences'), staleTime: 10 * 60_000, enabled });

export const useMaterialReaders = (id: string | null, scope: { orgId?: string | null; branchId?: string | null }) =>
  useQuery({
    queryKey: materialKeys.readers(id ?? '', scope),
    queryFn: () => api<MaterialReaders>(`/api/materials/${id}/readers`, { query: { orgId: scope.orgId, branchId: scope.branchId } }),
    enabled: !!id && !!(scope.orgId || scope.branchId),
  });

type Change =
  | { kind: 'create'; body: MaterialInput }
  | { kind: 'update'; id: string; body: Partial<MaterialInput> }
  | { kind: 'publish' | 'withdraw'; id: string };

function send(c: Change) {
  switch (c.kind) {
    case 'create': return api<MaterialDetail>('/api/materials', { method: 'POST', body: c.body });
    case 'update': return api<MaterialDetail>(`/api/materials/${c.id}`, { method: 'PATCH', body: c.body });
    default: return api<MaterialDetail>(`/api/materials/${c.id}/${c.kind}`, { method: 'POST' });
  }
}

/** Every change to a material; afterwards all material data is refetched. */
export function useMaterialChange() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: materialKeys.all }) });
}

/** Attaches a file to a draft (multipart upload). */
export async function uploadMaterialFile(id: string, file: File): Promise<MaterialDetail> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/materials/${id}/file`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError({ code: 'network', title: 'Không tải được tệp lên máy chủ, vui lòng thử lại', status: 0 });
  }
  const text = await res.text();
  if (!res.ok) throw problemFromText(res.status, text);
  return JSON.parse(text) as MaterialDetail;
}

export const fileUrl = (id: string) => `/api/materials/${id}/file`;

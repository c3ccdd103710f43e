import type { ReactNode } from "react";

import { SettingsTabs } from "@/app/(portal)/settings/_components/settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsTabs />
      {children}
    </>
  );
}

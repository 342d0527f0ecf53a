/**
 * What a clinic's IT installs around the app (deploy/): the Linux systemd unit and setup script, the
 * Windows Shell Launcher configuration and the PowerShell script that applies it, and the example
 * provisioning file. The tools they are checked with (systemd-analyze, shellcheck, xmllint) come from
 * Debian packages that .ci/run installs; a missing tool fails the test with the package to install.
 * Nothing here can boot a kiosk: these checks end where Windows or a real boot would take over.
 */
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { AppInfo } from 'app-builder-lib'
import { installPrefix } from 'app-builder-lib/out/targets/LinuxTargetHelper'
import { getWindowsInstallationDirName } from 'app-builder-lib/out/targets/targetUtil'
import { sanitizeFileName } from 'builder-util/out/filename'
import { describe, expect, it } from 'vitest'
import { readProvisioning } from '../../../electron/main/provisioning-file'

const deploy = resolve(import.meta.dirname, '../../../deploy')
const read = (path: string) => readFile(join(deploy, path), 'utf8')

/** The names the electron-builder configuration gives the app (a contract with deploy/, see the README). */
const APP_ID = 'org.legcrampkiosk.kiosk'
const productName = 'Leg Cramp Kiosk'
const executableName = sanitizeFileName('leg-cramp-kiosk')
/** Where electron-builder's packages put the app with those names, by app-builder-lib's own rules. */
/** The deb (FpmTarget): /opt/<sanitized product name>/<executable name>. */
const linuxBinary = `${installPrefix}/${sanitizeFileName(productName)}/${executableName}`
/** NSIS and MSI per machine: %ProgramFiles%\<installation folder>\<executable name>.exe. */
const windowsExecutable = `%ProgramFiles%\\${getWindowsInstallationDirName(
  { productFilename: executableName, sanitizedName: executableName } as AppInfo,
  true,
)}\\${executableName}.exe`

/** The Debian package that brings each tool. */
const TOOL_PACKAGES = { 'systemd-analyze': 'systemd', shellcheck: 'shellcheck', xmllint: 'libxml2-utils' } as const

/** Runs a checking tool; its exit code and output are the result. A tool that is not installed is a failure. */
async function check(tool: keyof typeof TOOL_PACKAGES, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tool, args)
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as NodeJS.ErrnoException & { code: number | string; stdout: string; stderr: string }
    if (failed.code === 'ENOENT') {
      throw new Error(`${tool} is not installed: apt-get install ${TOOL_PACKAGES[tool]} (as .ci/run does)`)
    }
    return { code: Number(failed.code), stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** The value of `Key=` in a unit file (the last one, as systemd reads it). */
function unitSetting(unit: string, key: string): string | undefined {
  return [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].at(-1)?.[1]
}

describe('the Linux kiosk unit', () => {
  it('passes systemd-analyze verify', async () => {
    // verify also checks that ExecStart's program exists and is executable; cage is not installed on
    // the machines that run the tests, so a copy of the unit points at a stand-in cage in a temp dir.
    // Everything else (every other line, the unit's dependencies) is verified as written.
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-unit-'))
    const standIn = join(dir, 'cage')
    await writeFile(standIn, '#!/bin/sh\nexit 0\n')
    await chmod(standIn, 0o755)
    const unit = await read('linux/leg-cramp-kiosk.service')
    expect(unit).toContain('ExecStart=/usr/bin/cage ')
    await writeFile(
      join(dir, 'leg-cramp-kiosk.service'),
      unit.replace('ExecStart=/usr/bin/cage ', `ExecStart=${standIn} `),
    )
    const result = await check('systemd-analyze', ['verify', join(dir, 'leg-cramp-kiosk.service')])
    // A warning (an unknown or misspelt setting, a bad value) counts as a failure too.
    expect({ code: result.code, warnings: result.stderr }).toEqual({ code: 0, warnings: '' })
  })

  it('runs the installed app under cage on Wayland, with speech and the provisioning file', async () => {
    const unit = await read('linux/leg-cramp-kiosk.service')
    expect(unitSetting(unit, 'ExecStart')).toBe(
      `/usr/bin/cage -d -- "${linuxBinary}" --ozone-platform=wayland --enable-speech-dispatcher` +
        ' --config /etc/leg-cramp-kiosk/provisioning.json',
    )
  })

  it('logs the kiosk user in on tty1 in place of a getty and brings the app back when it dies', async () => {
    const unit = await read('linux/leg-cramp-kiosk.service')
    expect({
      user: unitSetting(unit, 'User'),
      tty: unitSetting(unit, 'TTYPath'),
      conflicts: unitSetting(unit, 'Conflicts'),
      restart: unitSetting(unit, 'Restart'),
      wantedBy: unitSetting(unit, 'WantedBy'),
    }).toEqual({
      user: 'kiosk',
      tty: '/dev/tty1',
      conflicts: 'getty@tty1.service',
      restart: 'always',
      wantedBy: 'graphical.target',
    })
    // The PAM stack the unit names is the one the setup script installs.
    const setup = await read('linux/setup-kiosk.sh')
    expect(setup).toContain(`/etc/pam.d/${unitSetting(unit, 'PAMName')}`)
    await expect(read(`linux/${unitSetting(unit, 'PAMName')}.pam`)).resolves.toContain('pam_systemd.so')
  })

  it('is installed by the setup script, with the provisioning file where the unit reads it', async () => {
    const setup = await read('linux/setup-kiosk.sh')
    expect(setup).toContain('readonly UNIT=leg-cramp-kiosk.service')
    expect(setup).toContain('readonly CONFIG_DIR=/etc/leg-cramp-kiosk')
    expect(setup).toContain('readonly PROVISIONING="$CONFIG_DIR/provisioning.json"')
    expect(setup).toContain(`readonly APP_BINARY='${linuxBinary}'`)
    expect(setup).toContain('"$here/../provisioning.example.json"')
  })
})

describe('the Linux setup script', () => {
  /**
   * Runs it with arguments that stop it before it changes anything (it checks everything first). Its PATH
   * holds only the few commands those checks use, so even a broken check could not install or create anything.
   */
  async function refusal(...args: string[]) {
    const bin = await mkdtemp(join(tmpdir(), 'kiosk-setup-path-'))
    for (const command of ['id', 'dirname', 'realpath']) await symlink(`/usr/bin/${command}`, join(bin, command))
    const run = promisify(execFile)('/bin/bash', [join(deploy, 'linux/setup-kiosk.sh'), ...args], {
      env: { PATH: bin },
    })
    const failed = await run.then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    )
    return { code: failed.code, message: failed.stderr.trim() }
  }

  it('says how to call it when called wrongly', async () => {
    const usage = expect.stringMatching(/^setup-kiosk: error: usage: .*setup-kiosk\.sh <leg-cramp-kiosk \.deb>/)
    await expect(refusal()).resolves.toEqual({ code: 1, message: usage })
    await expect(refusal('a.deb', 'b.json', 'c')).resolves.toEqual({ code: 1, message: usage })
  })

  it('stops with the reason when the .deb is not there', async () => {
    const missing = join(tmpdir(), 'no-such-kiosk.deb')
    // As root (CI) it gets as far as the missing file; anyone else is told to run it as root.
    const reason = process.getuid?.() === 0 ? `no such .deb: ${missing}` : 'run as root'
    await expect(refusal(missing)).resolves.toEqual({ code: 1, message: expect.stringContaining(reason) })
  })
})

describe('the shell scripts', () => {
  it('pass shellcheck', async () => {
    const scripts = (await readdir(deploy, { recursive: true })).filter((path) => path.endsWith('.sh'))
    expect(scripts).toContain(join('linux', 'setup-kiosk.sh'))
    const result = await check(
      'shellcheck',
      scripts.map((path) => join(deploy, path)),
    )
    expect({ code: result.code, findings: result.stdout }).toEqual({ code: 0, findings: '' })
  })
})

const SHELL_LAUNCHER = 'http://schemas.microsoft.com/ShellLauncher/2018/Configuration'
const SHELL_LAUNCHER_V2 = 'http://schemas.microsoft.com/ShellLauncher/2019/Configuration'

/** Evaluates an XPath 1.0 string expression over the Shell Launcher configuration. */
async function xpath(expression: string): Promise<string> {
  const result = await check('xmllint', [
    '--xpath',
    `string(${expression})`,
    join(deploy, 'windows/shell-launcher.xml'),
  ])
  return result.code === 0 ? result.stdout.trim() : `xmllint failed: ${result.stderr}`
}

/** An element of the Shell Launcher namespace, by its local name. */
const sl = (name: string) => `*[local-name()='${name}' and namespace-uri()='${SHELL_LAUNCHER}']`
const kioskShell = `/${sl('ShellLauncherConfiguration')}/${sl('Profiles')}/${sl('Profile')}/${sl('Shell')}`

describe('the Windows Shell Launcher configuration', () => {
  it('is well-formed XML in the Shell Launcher namespaces (v2 for the desktop app type)', async () => {
    const result = await check('xmllint', ['--noout', join(deploy, 'windows/shell-launcher.xml')])
    expect({ code: result.code, errors: result.stderr }).toEqual({ code: 0, errors: '' })
    await expect(xpath(`count(/${sl('ShellLauncherConfiguration')})`)).resolves.toBe('1')
    await expect(
      xpath(`${kioskShell}/@*[local-name()='AppType' and namespace-uri()='${SHELL_LAUNCHER_V2}']`),
    ).resolves.toBe('Desktop')
  })

  it('runs the kiosk executable the per-machine installers put in Program Files', async () => {
    await expect(xpath(`${kioskShell}/@Shell`)).resolves.toBe(windowsExecutable)
    await expect(xpath(`/${sl('ShellLauncherConfiguration')}/${sl('Profiles')}/${sl('Profile')}/@Name`)).resolves.toBe(
      productName,
    )
    await expect(read('windows/shell-launcher.xml')).resolves.toContain(APP_ID)
  })

  it('restarts the app whenever it exits, for the account that signs in automatically', async () => {
    await expect(xpath(`${kioskShell}/${sl('DefaultAction')}/@Action`)).resolves.toBe('RestartShell')
    await expect(xpath(`count(${kioskShell}/${sl('ReturnCodeActions')})`)).resolves.toBe('0')
    const profileId = await xpath(`/${sl('ShellLauncherConfiguration')}/${sl('Profiles')}/${sl('Profile')}/@Id`)
    expect(profileId).toMatch(/^\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$/i)
    const config = `/${sl('ShellLauncherConfiguration')}/${sl('Configs')}/${sl('Config')}`
    await expect(xpath(`${config}/${sl('Profile')}/@Id`)).resolves.toBe(profileId)
    await expect(xpath(`count(${config}/${sl('AutoLogonAccount')})`)).resolves.toBe('1')
    // Everyone else (the clinic's IT) keeps Explorer.
    await expect(
      xpath(`/${sl('ShellLauncherConfiguration')}/${sl('Profiles')}/${sl('DefaultProfile')}/${sl('Shell')}/@Shell`),
    ).resolves.toBe('%SystemRoot%\\explorer.exe')
  })
})

describe('the Windows setup script', () => {
  it('takes the provisioning file and an optional kiosk account', async () => {
    const script = await read('windows/Set-KioskShell.ps1')
    const params = /^param\(([^)]*)\)/m.exec(script)?.[1] ?? ''
    expect([...params.matchAll(/\[(\w+)\]\s*\$(\w+)/g)].map(([, type, name]) => `${type} ${name}`)).toEqual([
      'string ProvisioningFile',
      'string KioskAccount',
    ])
    // Each parameter is documented in the help block.
    expect(script).toContain('.PARAMETER ProvisioningFile')
    expect(script).toContain('.PARAMETER KioskAccount')
  })

  it('applies this configuration through the MDM bridge and reads it in the same namespace', async () => {
    const script = await read('windows/Set-KioskShell.ps1')
    expect(script).toContain("Join-Path $PSScriptRoot 'shell-launcher.xml'")
    expect(script).toContain(`AddNamespace('sl', '${SHELL_LAUNCHER}')`)
    expect(script).toContain("-Namespace 'root\\cimv2\\mdm\\dmmap' -ClassName 'MDM_AssignedAccess'")
    expect(script).toContain('$assignedAccess.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($Configuration)')
    // The app finds the provisioning file through KIOSK_CONFIG (README, "Configuration").
    expect(script).toContain("$DataFolder = Join-Path $env:ProgramData 'Leg Cramp Kiosk'")
    expect(script).toContain("[Environment]::SetEnvironmentVariable('KIOSK_CONFIG', $Provisioning, 'Machine')")
  })
})

describe('the example provisioning file', () => {
  it('is valid for the app: every setting, lock and fleet key is kept, nothing is reported', async () => {
    const path = join(deploy, 'provisioning.example.json')
    const example = JSON.parse(await readFile(path, 'utf8')) as {
      settings: Record<string, unknown>
      locked: string[]
      staffPinChange: string
      monitoring: Record<string, string>
    }
    const read = await readProvisioning(path)
    expect(read).toEqual({
      state: 'read',
      provisioning: {
        source: path,
        settings: example.settings,
        locked: example.locked,
        fleet: { staffPinChange: example.staffPinChange, monitoring: example.monitoring },
      },
      problems: [],
    })
    expect(example.locked.length).toBeGreaterThan(0)
  })
})
